// SQL LIKE patterns from what someone typed: %, _ and \ match themselves, never as wildcards.
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** "contains", case-folded for the lower-case search columns: %text%. */
export function containsPattern(q: string): string {
  return `%${escapeLike(q.toLowerCase())}%`;
}
