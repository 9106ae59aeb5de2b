import { act } from '@testing-library/react';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { vi } from 'vitest';

/**
 * Puts server HTML on the page and hydrates `element` over it, collecting what React reports: console errors and
 * recoverable (hydration mismatch) errors. Call `end()` to stop collecting; `container` is removed by it too.
 */
export async function hydrateOver(
  html: string,
  element: ReactElement,
): Promise<{ container: HTMLElement; errors: unknown[]; end: () => void }> {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const errors: unknown[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
  await act(async () => {
    hydrateRoot(container, element, {
      onRecoverableError: (e) => errors.push(e instanceof Error ? e.message : e),
    });
  });
  return {
    container,
    errors,
    end: () => {
      spy.mockRestore();
      container.remove();
    },
  };
}
