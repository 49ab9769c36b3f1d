// What free text may not contain, for every form and API that stores it: text that is not what the person sees
// or sent. C0/C1 controls; the Arabic letter mark and the bidi marks, embeddings, overrides and isolates (invisible,
// and they can reorder what a reader sees); lone UTF-16 surrogates, which cannot be stored (JSON's "\ud800" escape
// keeps one, and the database would turn it into U+FFFD); and U+FFFD itself, the mark of text already broken on the
// way: a browser sends a lone surrogate typed into a form as U+FFFD, so that is all the server can see of it.
// The patterns work on UTF-16 code units (no `u` flag), which is what lets them see a lone surrogate at all.

const INVISIBLE = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufffd';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** For one-line text (names, labels): every control character is refused. */
export const FORBIDDEN_IN_LINE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}]|${LONE_SURROGATE}`);

/** For multi-line text (descriptions, long answers): tab, line feed and carriage return are allowed. */
export const FORBIDDEN_IN_BLOCK = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE}]|${LONE_SURROGATE}`,
);
