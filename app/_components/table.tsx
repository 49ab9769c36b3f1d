// The one table markup behind PlainTable (public pages) and DataTable (admin lists): a caption, column headers
// with scope="col", an optional row header (scope="row") naming each row, right-aligned figures in numeric
// columns, and no right padding on the last column.
import type { ReactNode } from 'react';

export interface TableColumn<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** This column names its row: its cells are <th scope="row">. */
  rowHeader?: boolean;
  /** Right-aligned figures (header and cells). */
  numeric?: boolean;
  /** Extra classes for this column's cells. */
  className?: string;
}

export interface TableProps<T> {
  caption: string;
  captionClassName: string;
  className: string;
  rowClassName: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
}

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(' ');

export function Table<T>({ caption, captionClassName, className, rowClassName, columns, rows, rowKey }: TableProps<T>) {
  const pad = (i: number) => (i === columns.length - 1 ? 'py-2' : 'py-2 pr-4');
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr className="border-b border-line">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={join(pad(i), c.numeric && 'text-right')}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} className={rowClassName}>
            {columns.map((c, i) => {
              const cellClass = join(pad(i), c.numeric && 'text-right tabular-nums', c.className);
              return c.rowHeader ? (
                <th key={i} scope="row" className={join(cellClass, 'text-left font-normal')}>
                  {c.cell(row, r)}
                </th>
              ) : (
                <td key={i} className={cellClass}>
                  {c.cell(row, r)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
