// html-to-text ships no types; only the compiled converter is used (lib/email/templates/index.tsx).
declare module 'html-to-text' {
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    selectors?: { selector: string; format?: string; options?: Record<string, unknown> }[];
  }
  export function compile(options?: HtmlToTextOptions): (html: string) => string;
}
