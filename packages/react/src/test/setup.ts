import { afterEach, expect } from 'vitest';
import { cleanup } from '@testing-library/react';
import * as matchers from 'vitest-axe/matchers';

expect.extend(matchers);
afterEach(() => cleanup());

// recharts measures its container; jsdom has no ResizeObserver.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

// jsdom has no layout: let elements report the height and width set in their inline style, so virtualised lists
// render the rows a browser would.
for (const [prop, css] of typeof HTMLElement === 'undefined'
  ? []
  : ([
      ['clientHeight', 'height'],
      ['clientWidth', 'width'],
      ['offsetHeight', 'height'],
      ['offsetWidth', 'width'],
    ] as const)) {
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return Number.parseFloat(this.style[css]) || 0;
    },
  });
}
