// Server HTML rendered at one moment hydrates on a client whose clock has moved on, without errors.
import { act } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClock, RapportProvider, SlaTimer, TriageQueue, type Clock } from './index';
import { queueItems, T0 } from './test/fixtures';
import { hydrateOver } from './test/hydrate';

describe('hydration', () => {
  afterEach(() => vi.useRealTimers());

  it('hydrates live timers rendered on the server earlier', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    // Server and client each have their own clock, read at their own moment.
    const app = (clock: Clock) => (
      <RapportProvider clock={clock}>
        <SlaTimer dueAt={T0 + 600_000} />
        <TriageQueue rows={queueItems(20)} />
      </RapportProvider>
    );
    const html = renderToString(app(createClock()));
    vi.setSystemTime(T0 + 7_000);
    const { container, errors, end } = await hydrateOver(html, app(createClock()));
    act(() => vi.advanceTimersByTime(1_000));
    expect(errors).toEqual([]);
    expect(container.querySelector('[role="timer"]')!.textContent).toBe('9m 52s left');
    end();
  });
});
