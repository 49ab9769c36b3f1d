// The plain bordered table of the public pages and the simpler staff pages (receipt lines, who viewed private
// answers, pending erasure requests): a caption for screen readers, column headers with scope, a row each.
// Numeric columns align right in tabular figures; the last column has no right padding.
import type { ReactNode } from 'react';
import { Table } from './table';

export interface PlainColumn<T> {
  header: string;
  numeric?: boolean;
  /** Extra classes for the column's cells. */
  cellClassName?: string;
  cell: (row: T, index: number) => ReactNode;
}

interface PlainTableProps<T> {
  caption: string;
  className?: string;
  rowClassName?: string;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  columns: PlainColumn<T>[];
}

export function PlainTable<T>({
  caption,
  className = 'w-full border-collapse text-left',
  rowClassName = 'border-b border-line',
  rows,
  rowKey,
  columns,
}: PlainTableProps<T>) {
  return (
    <Table
      caption={caption}
      captionClassName="sr-only"
      className={className}
      rowClassName={rowClassName}
      rows={rows}
      rowKey={rowKey}
      columns={columns.map(({ cellClassName, ...c }) => ({ ...c, className: cellClassName }))}
    />
  );
}
