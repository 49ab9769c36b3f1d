// The plain bordered table of the public pages and the simpler staff pages (receipt lines, who viewed private
// answers, pending erasure requests): a caption for screen readers, column headers with scope, a row each.
// Numeric columns align right in tabular figures; the last column has no right padding.
import type { ReactNode } from 'react';

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
  const pad = (i: number) => (i === columns.length - 1 ? 'py-2' : 'py-2 pr-4');
  return (
    <table className={className}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.numeric ? `${pad(i)} text-right` : pad(i)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} className={rowClassName}>
            {columns.map((c, i) => (
              <td
                key={i}
                className={[pad(i), c.numeric ? 'text-right tabular-nums' : '', c.cellClassName ?? '']
                  .filter(Boolean)
                  .join(' ')}
              >
                {c.cell(row, r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
