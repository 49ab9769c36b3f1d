// The admin list table: a caption that names the table (read out, hidden on screen unless asked), column headers
// with scope="col", an optional row header (scope="row") that names each row, and one look for every list page.
// A server component: the cell renderers run on the server and only markup reaches the browser.
import type { ReactNode } from 'react';
import { Table } from '@/app/_components/table';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column names its row: its cells are <th scope="row">. */
  rowHeader?: boolean;
  /** Right-aligned figures (header and cells). */
  numeric?: boolean;
  /** Extra classes for this column's cells, e.g. "break-all" or "text-sm". */
  className?: string;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  caption: string;
  /** Show the caption on screen too (it is always read out). */
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** A stable key per row; the row's position when absent. */
  rowKey?: (row: T, index: number) => string | number;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: ReactNode;
}

export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty }: DataTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <p className="text-muted">{empty}</p>;
  return (
    <Table
      caption={caption}
      captionClassName={showCaption ? 'mb-1 text-left font-semibold' : 'sr-only'}
      className="w-full border-collapse text-left text-[0.9375rem]"
      rowClassName="border-b border-line align-top"
      columns={columns}
      rows={rows}
      rowKey={rowKey ?? ((_, r) => r)}
    />
  );
}
