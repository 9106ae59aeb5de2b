import { expect } from 'storybook/test';

/** Direction controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) that can reorder the text around them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

let alerts: unknown[] = [];

/**
 * A story's `beforeEach`: replaces `window.alert` (what the hostile payloads call) with a recorder until the story
 * ends, so {@link expectInert} can tell that no payload ran while the story rendered.
 */
export function trapAlerts(): () => void {
  const original = window.alert;
  alerts = [];
  window.alert = (message?: unknown) => {
    alerts.push(message);
  };
  return () => {
    window.alert = original;
  };
}

export interface InertExpectations {
  /** Strings that must show literally in the page's text (markup shown as text, not parsed). */
  literal?: readonly string[];
  /**
   * Fragments of text that came with a direction override: each text node holding one must sit in a `<bdi>`
   * whose direction is isolated from the text around it (`unicode-bidi: isolate`).
   */
  isolated?: readonly string[];
}

/**
 * Checks, in the real browser, that hostile user text rendered inertly inside `root`: no element was made from
 * markup, no event-handler attribute, no `javascript:` (or other non-http) link, no payload ran, no direction
 * override reached the page, the markup shows as text, and overridden text is direction-isolated.
 */
export async function expectInert(
  root: HTMLElement,
  { literal = [], isolated = [] }: InertExpectations,
) {
  await expect(root.querySelector('img, script, iframe, object, embed, svg image')).toBeNull();
  for (const link of root.querySelectorAll('a')) {
    await expect(link.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
  }
  const handlers = [...root.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().filter((name) => name.startsWith('on')),
  );
  await expect(handlers).toEqual([]);
  await expect(alerts).toEqual([]);
  const text = root.textContent ?? '';
  await expect(text).not.toMatch(BIDI_CONTROLS);
  for (const s of literal) await expect(text).toContain(s);
  for (const fragment of isolated) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(fragment)) continue;
      found++;
      const bdi = node.parentElement?.closest('bdi');
      await expect(bdi, `"${fragment}" is inside a <bdi>`).toBeTruthy();
      await expect(getComputedStyle(bdi!).unicodeBidi).toBe('isolate');
    }
    await expect(found, `"${fragment}" is shown`).toBeGreaterThan(0);
  }
}
