// The table of things organizers put in order (tracks, rooms): position, a linked name, the columns of each kind,
// and up/down buttons that work without JavaScript.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AdminFormState } from '@/app/admin/_lib/form-state';
import { MoveButtons } from './move-buttons';

export interface OrderedColumn<T> {
  header: string;
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

interface OrderedTableProps<T extends { id: string; name: string }> {
  /** What the rows are, e.g. "Rooms": the caption says "Rooms in display order". */
  caption: string;
  /** The name column's header, e.g. "Room". */
  nameHeader: string;
  /** The edit page of a row is `${hrefBase}/${id}`. */
  hrefBase: string;
  rows: T[];
  columns: OrderedColumn<T>[];
  moveAction: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
}

export function OrderedTable<T extends { id: string; name: string }>({
  caption,
  nameHeader,
  hrefBase,
  rows,
  columns,
  moveAction,
}: OrderedTableProps<T>) {
  const align = (c: OrderedColumn<T>) => (c.numeric ? 'py-2 pr-4 text-right tabular-nums' : 'py-2 pr-4');
  return (
    <div className="mb-10 overflow-x-auto">
      <table className="w-full border-collapse text-left text-[0.9375rem]">
        <caption className="sr-only">{caption} in display order</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">
              Position
            </th>
            <th scope="col" className="py-2 pr-4">
              {nameHeader}
            </th>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'py-2 pr-4 text-right' : 'py-2 pr-4'}>
                {c.header}
              </th>
            ))}
            <th scope="col" className="py-2">
              Move
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} className="border-b border-line align-middle">
              <td className="py-2 pr-4 tabular-nums">{i + 1}</td>
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                <Link href={`${hrefBase}/${r.id}`} className="font-semibold">
                  {r.name}
                </Link>
              </th>
              {columns.map((c) => (
                <td key={c.header} className={align(c)}>
                  {c.cell(r)}
                </td>
              ))}
              <td className="py-2">
                <MoveButtons
                  action={moveAction}
                  id={r.id}
                  name={r.name}
                  isFirst={i === 0}
                  isLast={i === rows.length - 1}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
