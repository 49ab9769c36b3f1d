// The CSP hash sources of a page's inline scripts: for pages served from the cache, which cannot carry a
// per-request nonce (lib/http/public-cache.ts). A browser allows an inline <script> whose text hashes to one of
// the policy's 'sha256-…' sources; the text is everything between the tags, exactly as sent.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** 'sha256-<base64>' for each distinct inline script (those without a src attribute), in page order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const [, attributes = '', text = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || text === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
