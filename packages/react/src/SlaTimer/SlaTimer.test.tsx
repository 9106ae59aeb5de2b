import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../clock/clock';
import { RapportProvider } from '../theme/RapportProvider';
import { SlaTimer } from './SlaTimer';

const T0 = Date.parse('2026-11-22T10:00:00Z');

describe('SlaTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('counts down live, one second per tick', () => {
    render(<SlaTimer dueAt="2026-11-22T10:20:00Z" target="First response" locale="en-US" />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('20m 0s left');
    act(() => vi.advanceTimersByTime(5_000));
    expect(timer.textContent).toBe('19m 55s left');
    expect(timer.getAttribute('aria-label')).toBe('First response: 19m 55s left');
  });

  it('turns to a warning near the deadline and to breached after it', () => {
    render(<SlaTimer dueAt={T0 + 61_000} warningMs={60_000} locale="en-US" />);
    const timer = screen.getByRole('timer');
    expect(timer.dataset.status).toBe('pending');
    act(() => vi.advanceTimersByTime(2_000));
    expect(timer.dataset.status).toBe('warning');
    act(() => vi.advanceTimersByTime(62_000));
    expect(timer.dataset.status).toBe('breached');
    expect(timer.textContent).toBe('0m 3s overdue');
  });

  it('stays still when met or paused, and when `now` is controlled', () => {
    render(
      <>
        <SlaTimer dueAt={T0 + 60_000} status="met" />
        <SlaTimer dueAt={T0 + 60_000} status="paused" remainingMs={90_000} locale="en-US" />
        <SlaTimer dueAt={T0 + 60_000} now={T0} locale="en-US" />
      </>,
    );
    act(() => vi.advanceTimersByTime(10_000));
    const [met, paused, controlled] = screen.getAllByRole('timer');
    expect(met!.textContent).toBe('Met');
    expect(paused!.textContent).toBe('Paused, 1m 30s left');
    expect(controlled!.textContent).toBe('1m 0s left');
  });

  it('shares one clock: a tick re-renders the timers, not their parent', () => {
    const clock = createClock({ intervalMs: 1000 });
    let parentRenders = 0;
    function Queue() {
      parentRenders += 1;
      return Array.from({ length: 50 }, (_, i) => <SlaTimer key={i} dueAt={T0 + 600_000 + i} />);
    }
    render(
      <RapportProvider clock={clock}>
        <Queue />
      </RapportProvider>,
    );
    const before = parentRenders;
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getAllByRole('timer')[0]!.textContent).toContain('9m 59s');
    expect(parentRenders).toBe(before);
  });

  it('takes translated labels and a locale', () => {
    render(
      <SlaTimer
        dueAt={T0 - 120_000}
        locale="fr-FR"
        labels={{ overdue: 'en retard de {time}', aria: '{target} : {state}' }}
        target="Première réponse"
      />,
    );
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe(
      'Première réponse : en retard de 2min 0s',
    );
  });

  it('renders on the server without a clock running', () => {
    const html = renderToString(<SlaTimer dueAt="2026-11-22T11:00:00Z" now={T0} locale="en-US" />);
    expect(html).toContain('role="timer"');
    expect(html).toContain('1h 0m left');
  });

  it('has no accessibility violations in any state', async () => {
    const { container } = render(
      <div>
        <SlaTimer dueAt={T0 + 3_600_000} />
        <SlaTimer dueAt={T0 + 60_000} />
        <SlaTimer dueAt={T0 - 60_000} />
        <SlaTimer status="met" />
        <SlaTimer status="paused" />
        <SlaTimer theme="dark" dueAt={T0} />
      </div>,
    );
    vi.useRealTimers();
    expect(await axe(container)).toHaveNoViolations();
  });
});
