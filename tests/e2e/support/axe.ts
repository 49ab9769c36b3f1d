// Runs axe-core (WCAG 2.2 A/AA rules) on the current page and returns the violations, described for a failure message.
// `disableFrames` takes frames axe cannot enter out of the page first, such as the mailbox's sandboxed email preview
// (no script may run in it, so axe would wait for it forever); the emails themselves are checked by the template
// unit tests.
//
// axe.run() runs in the page itself, with axe-core put into every frame first: what @axe-core/playwright does in
// its legacy mode, which tests same-origin frames only (the app has no other). Its default mode instead runs
// axe.runPartial() in each frame and axe.finishRun() in a new blank page it opens for every check, which on two
// shared cores took 3 to 5 times as long for the same result. The axe-core is the one @axe-core/playwright uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source: string | undefined;
function axeSource(): string {
  if (source === undefined) {
    const from = path.dirname(require.resolve('@axe-core/playwright'));
    const axeCore = require.resolve('axe-core/axe.min.js', { paths: [from] });
    source = readFileSync(axeCore, 'utf8');
  }
  return source;
}

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}
type AxeWindow = { axe?: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } };

async function inject(frame: Frame): Promise<void> {
  // Once per document: a page checked twice without navigating keeps the axe it got the first time.
  if (await frame.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function')) return;
  await frame.evaluate(axeSource());
}

export async function axeViolations(page: Page, options: { disableFrames?: string[] } = {}): Promise<string[]> {
  for (const selector of options.disableFrames ?? []) {
    await page
      .locator(selector)
      .evaluateAll((frames) =>
        frames.forEach((f) =>
          f.replaceWith(Object.assign(document.createElement('div'), { title: (f as HTMLIFrameElement).title })),
        ),
      );
  }
  for (const frame of page.frames()) await inject(frame);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as AxeWindow).axe!.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
}
