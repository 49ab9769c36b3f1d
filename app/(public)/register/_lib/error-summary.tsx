// The list of problems at the top of a form, each linking to its field (GOV.UK pattern). Rendered only when
// there are problems; it is a role=alert region so a screen reader reads it when it appears.
import type { Ref } from 'react';

export interface SummaryItem {
  message: string;
  href: string | null;
}

export function ErrorSummary({
  items,
  title = 'There is a problem',
  ref,
}: {
  items: SummaryItem[];
  title?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-lg border-2 border-[#b42318] bg-[#fef3f2] px-4 py-3 text-[#7a271a] outline-none focus-visible:outline-3"
    >
      <h2 id="error-summary-title" className="text-lg font-bold">
        {title}
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {items.map((item, i) => (
          <li key={i}>
            {item.href ? (
              <a href={item.href} className="font-medium text-[#7a271a]">
                {item.message}
              </a>
            ) : (
              <span className="font-medium">{item.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
