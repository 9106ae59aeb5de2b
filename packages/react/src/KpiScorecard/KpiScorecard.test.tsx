import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it, vi } from 'vitest';
import { goalReport } from '../test/goals';
import { KpiScorecard } from './KpiScorecard';

function card(container: HTMLElement, id: string) {
  return container.querySelector(`[data-kpi="${id}"]`) as HTMLElement;
}

describe('KpiScorecard', () => {
  it('shows actual vs target in the KPI unit, progress, pacing and a sparkline with the target line', () => {
    const { container } = render(<KpiScorecard report={goalReport()} locale="en-US" />);
    const rate = card(container, 'response_rate');
    expect(rate.textContent).toContain('90%');
    expect(rate.textContent).toContain('95%');
    expect(rate.textContent).toContain('80% of the way with 58% of the time gone');
    expect(rate.textContent).toContain('+12.5% vs previous period');
    expect(
      screen
        .getByRole('meter', { name: 'Progress to target: Response rate' })
        .getAttribute('aria-valuenow'),
    ).toBe('80');
    expect(rate.querySelector('[data-target-line]')).toBeTruthy();
    // Durations are shown as durations.
    expect(card(container, 'first_response').textContent).toContain('30m 0s');
  });

  it('draws the step into a partial bucket (a week still going on) dashed, and the whole weeks solid', () => {
    const report = goalReport();
    report.kpis = report.kpis.map((k) =>
      k.kpi === 'response_rate'
        ? {
            ...k,
            trend: [
              ...k.trend,
              {
                start: '2026-11-05T00:00:00Z',
                end: '2026-11-06T00:00:00Z',
                value: 0.6,
                partial: true as const,
                reason: 'partial: this day so far, up to now',
              },
            ],
          }
        : k,
    );
    const { container } = render(<KpiScorecard report={report} />);
    const paths = [...card(container, 'response_rate').querySelectorAll('svg path')];
    // 0.85 | gap | 0.9 — 0.92 solid, then 0.92 - - 0.6 dashed.
    expect(paths.map((p) => p.hasAttribute('data-partial'))).toEqual([false, false, true]);
    expect(paths[2]!.getAttribute('stroke-dasharray')).toBe('2 2');
    expect(paths[1]!.getAttribute('d')!.split('L')).toHaveLength(2);
  });

  it('says a change compares with the previous period to the same point while the period is still going on', () => {
    const report = { ...goalReport(), to: '2026-12-01T00:00:00Z' };
    const { container } = render(<KpiScorecard report={report} locale="en-US" />);
    expect(card(container, 'response_rate').textContent).toContain(
      '+12.5% vs previous period to the same point',
    );
  });

  it('shows unavailable KPIs as unavailable, never zero, with the permission warning', () => {
    const { container } = render(<KpiScorecard report={goalReport()} locale="en-US" />);
    const retention = card(container, 'retention');
    expect(retention.textContent).toContain('Unavailable: no permission');
    expect(retention.textContent).not.toMatch(/\b0\b/);
    expect(retention.querySelector('[data-warning="no_permission"]')).toBeTruthy();
  });

  it('badges the evidence of contributions and flags missing owners', () => {
    const { container } = render(<KpiScorecard report={goalReport()} />);
    const retention = card(container, 'retention');
    expect(retention.querySelector('[data-evidence="experimental"]')!.textContent).toBe(
      'Experiment (shows cause)',
    );
    expect(retention.querySelector('[data-evidence="correlational"]')).toBeTruthy();
    expect(retention.textContent).toContain('assisted, not summed');
    expect(card(container, 'followers').textContent).toContain('No owner');
  });

  it('removes direction controls from KPI names in contributions and isolates them', () => {
    const report = goalReport();
    report.kpis = report.kpis.map((k) =>
      k.kpi === 'response_rate' ? { ...k, name: 'invoice\u202Efdp.exe' } : k,
    );
    const { container } = render(<KpiScorecard report={report} />);
    const line = card(container, 'retention').querySelector(
      '[data-evidence="experimental"]',
    )!.parentElement!;
    expect(line.textContent).toBe(
      'Experiment (shows cause)invoicefdp.exe → Retention (experiment)',
    );
    const from = within(line).getByText('invoicefdp.exe');
    expect(from.tagName).toBe('BDI');
    expect(from.getAttribute('dir')).toBe('auto');
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('filters and orders by kpiIds and reports selection', async () => {
    const onSelectKpi = vi.fn();
    const { container } = render(
      <KpiScorecard
        report={goalReport()}
        kpiIds={['first_response', 'response_rate']}
        onSelectKpi={onSelectKpi}
      />,
    );
    expect(
      [...container.querySelectorAll('[data-kpi]')].map((e) => e.getAttribute('data-kpi')),
    ).toEqual(['first_response', 'response_rate']);
    await userEvent.click(screen.getByRole('button', { name: 'Response rate' }));
    expect(onSelectKpi).toHaveBeenCalledWith('response_rate');
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { loading: true },
      { report: null },
      { error: 'x' },
      { report: goalReport(), onSelectKpi: () => {} },
      { report: goalReport(), theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<KpiScorecard {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<KpiScorecard report={goalReport()} />)).toContain('Response rate');
  });
});
