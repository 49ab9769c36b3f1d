// Price windows are half-open [startsAt, endsAt) with open ends where null, as lib/catalogue/pricing.ts reads
// them: a window ending at 1 February and one starting then do not overlap.
export interface TimeWindow {
  startsAt: Date | null;
  endsAt: Date | null;
}

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  const aStart = a.startsAt?.getTime() ?? -Infinity;
  const aEnd = a.endsAt?.getTime() ?? Infinity;
  const bStart = b.startsAt?.getTime() ?? -Infinity;
  const bEnd = b.endsAt?.getTime() ?? Infinity;
  return aStart < bEnd && bStart < aEnd;
}

/** The first of `others` the candidate overlaps, or null. */
export function findOverlap<W extends TimeWindow>(candidate: TimeWindow, others: readonly W[]): W | null {
  return others.find((w) => windowsOverlap(candidate, w)) ?? null;
}
