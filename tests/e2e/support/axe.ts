// Runs axe-core (WCAG 2.2 A/AA rules) on the current page and returns the violations, described for a failure message.
// `disableFrames` takes frames axe cannot enter out of the page first, such as the mailbox's sandboxed email preview
// (no script may run in it, so axe would wait for it forever; @axe-core/playwright has no way to skip a frame);
// the emails themselves are checked by the template unit tests.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

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
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
