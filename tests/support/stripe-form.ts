// Stripe's request encoding for the fake Stripe server: form fields with bracketed keys (a[b][0][c]=v), read back
// into nested objects, and small readers for their values.
export type FormNode = { [key: string]: FormNode | string };

/** Stripe's form encoding (a[b][0][c]=v) back into nested objects; arrays come back as objects keyed by index. */
export function parseForm(body: string): FormNode {
  const out: FormNode = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    if (path.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node = out;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      node = typeof next === 'object' ? next : (node[segment] = {});
    });
  }
  return out;
}

export const str = (v: FormNode | string | undefined): string | null => (typeof v === 'string' ? v : null);
export const obj = (v: FormNode | string | undefined): FormNode => (typeof v === 'object' ? v : {});
export const list = (v: FormNode | string | undefined): FormNode[] =>
  Object.entries(obj(v))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, x]) => obj(x));
export const strings = (v: FormNode | string | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));
