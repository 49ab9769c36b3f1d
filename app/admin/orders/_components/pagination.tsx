// Previous / next links for a GET-filtered list: plain links that keep the filters, so it works without JavaScript.
import Link from 'next/link';

export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
  noun,
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  noun: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link className="btn btn-secondary" href={href(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : null}
      <p>
        Page {Math.min(page, pages)} of {pages}
      </p>
      {page < pages ? (
        <Link className="btn btn-secondary" href={href(page + 1)} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
