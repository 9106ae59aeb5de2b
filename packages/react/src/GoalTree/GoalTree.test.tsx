import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it, vi } from 'vitest';
import { goalReport } from '../test/goals';
import { GoalTree } from './GoalTree';

describe('GoalTree', () => {
  it('nests department objectives under the company objective with their KPIs', () => {
    const { container } = render(<GoalTree report={goalReport()} locale="en-US" />);
    const company = container.querySelector('[data-objective="company"]')!;
    expect(company.querySelector('[data-objective="service"]')).toBeTruthy();
    const rate = container.querySelector('[data-kpi="response_rate"]')!;
    expect(rate.textContent).toContain('90% of 95%');
    const marketing = container.querySelector('[data-objective="marketing"]')!;
    expect(marketing.querySelector('[data-vanity]')).toBeTruthy();
    expect(marketing.querySelector('[data-warning="vanity_objective"]')).toBeTruthy();
    expect(container.querySelector('[data-kpi="retention"]')!.textContent).toContain('Unavailable');
  });

  it('collapses and expands with the keyboard, and reports it', async () => {
    const user = userEvent.setup();
    const onExpandedChange = vi.fn();
    render(<GoalTree report={goalReport()} onExpandedChange={onExpandedChange} />);
    const toggle = screen.getByRole('button', { name: 'Show or hide Answer everyone fast' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Response rate')).toBeNull();
    expect(onExpandedChange).toHaveBeenLastCalledWith(['company', 'marketing']);
  });

  it('expands objectives that a later report adds, and keeps what the user collapsed', async () => {
    const user = userEvent.setup();
    const onExpandedChange = vi.fn();
    const { rerender } = render(
      <GoalTree report={goalReport()} onExpandedChange={onExpandedChange} />,
    );
    await user.click(screen.getByRole('button', { name: 'Show or hide Answer everyone fast' }));
    const later = goalReport();
    later.objectives.push({
      ...later.objectives.find((o) => o.objective === 'service')!,
      objective: 'billing',
      name: 'Bill without surprises',
    });
    rerender(<GoalTree report={later} onExpandedChange={onExpandedChange} />);
    expect(
      screen
        .getByRole('button', { name: 'Show or hide Bill without surprises' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    expect(
      screen
        .getByRole('button', { name: 'Show or hide Answer everyone fast' })
        .getAttribute('aria-expanded'),
    ).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Show or hide Keep customers' }));
    expect(onExpandedChange).toHaveBeenLastCalledWith(['marketing', 'billing']);
  });

  it('keeps objectives that a later report adds collapsed when defaultExpandedIds leaves them out', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <GoalTree report={goalReport()} defaultExpandedIds={['company']} />,
    );
    await user.click(screen.getByRole('button', { name: 'Show or hide Keep customers' }));
    const later = goalReport();
    later.objectives.push({
      ...later.objectives.find((o) => o.objective === 'service')!,
      objective: 'billing',
      name: 'Bill without surprises',
      parent: null,
    });
    rerender(<GoalTree report={later} defaultExpandedIds={['company']} />);
    for (const name of ['Keep customers', 'Bill without surprises']) {
      expect(
        screen.getByRole('button', { name: `Show or hide ${name}` }).getAttribute('aria-expanded'),
      ).toBe('false');
    }
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { loading: true },
      { report: null },
      { error: 'x' },
      { report: goalReport(), onSelectKpi: () => {} },
      { report: goalReport(), defaultExpandedIds: [], theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<GoalTree {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<GoalTree report={goalReport()} />)).toContain('Keep customers');
  });
});
