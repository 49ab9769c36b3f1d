// The pieces of a filtered admin list (orders, attendees, access requests, audit log): a GET form, so the URL
// holds the filters and it all works without JavaScript, its labelled controls, and the results region.
import Link from 'next/link';
import type { ReactNode } from 'react';

export function FilterForm({
  action,
  label,
  className,
  search = true,
  submitLabel = 'Search',
  filtered,
  noValidate,
  children,
}: {
  /** The list's own path; "Clear" links back to it. */
  action: string;
  label: string;
  className: string;
  /** A search landmark (role=search); false for a form that only narrows by status. */
  search?: boolean;
  submitLabel?: string;
  /** Whether any filter is set (then "Clear" shows); undefined for a form without it. */
  filtered?: boolean;
  /** Leave checking to the server, which shows bad filters beside their fields. */
  noValidate?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      role={search ? 'search' : undefined}
      aria-label={label}
      className={className}
      noValidate={noValidate}
    >
      {children}
      <div className="flex items-end gap-3">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
        {filtered ? (
          <Link href={action} className="btn btn-secondary">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** A filter's label above its control. */
export function FilterField({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The free-text search of a list (name q). */
export function SearchField({
  id,
  label,
  defaultValue,
  className,
}: {
  id: string;
  label: string;
  defaultValue: string;
  className: string;
}) {
  return (
    <FilterField id={id} label={label} className={className}>
      <input id={id} name="q" type="search" defaultValue={defaultValue} maxLength={200} className="field-control" />
    </FilterField>
  );
}

export function FilterSelect({
  id,
  label,
  name,
  defaultValue,
  options,
}: {
  id: string;
  label: string;
  name: string;
  defaultValue: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={defaultValue} className="field-control">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** The results under a list's filters: a heading for screen readers, the count as a status, then the rows. */
export function ResultsSection({
  id,
  title = 'Results',
  status,
  children,
}: {
  id: string;
  title?: string;
  status: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="sr-only">
        {title}
      </h2>
      <p role="status" className="font-medium">
        {status}
      </p>
      {children}
    </section>
  );
}

/** "No orders match.", "1 order.", "3 orders match." */
export function matchCount(total: number, one: string, many: string, filtered: boolean): string {
  if (total === 0) return `No ${many} match.`;
  return `${total} ${total === 1 ? one : many}${filtered ? ' match' : ''}.`;
}
