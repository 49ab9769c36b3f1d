// A card with its own heading (h2, text-xl), labelled by it: the sections of the public order and ticket pages.
import type { ReactNode } from 'react';

const GAPS = { 2: 'gap-2', 3: 'gap-3', 4: 'gap-4' } as const;

export function CardSection({
  id,
  heading,
  gap = 2,
  children,
}: {
  /** The heading's id. */
  id: string;
  heading: ReactNode;
  gap?: keyof typeof GAPS;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`card flex flex-col ${GAPS[gap]} p-4 sm:p-5`}>
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
