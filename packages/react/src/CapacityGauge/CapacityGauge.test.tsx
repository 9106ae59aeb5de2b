import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { CapacityGauge } from './CapacityGauge';

describe('CapacityGauge', () => {
  it('measures relationships held against 150 per staff member', () => {
    render(<CapacityGauge held={240} staff={2} locale="en-US" />);
    const meter = screen.getByRole('meter', { name: 'Relationship capacity' });
    expect(meter.getAttribute('aria-valuemax')).toBe('300');
    expect(meter.getAttribute('aria-valuenow')).toBe('240');
    expect(meter.getAttribute('aria-valuetext')).toBe(
      '240 of 300 relationships held (2 staff × 150)',
    );
  });

  it('shows overflow and uncovered superfans', () => {
    render(<CapacityGauge held={170} staff={1} uncovered={20} locale="en-US" />);
    expect(screen.getByText('20 over capacity')).toBeTruthy();
    expect(screen.getByText('20 superfans without an owner')).toBeTruthy();
  });

  it('has loading, empty and error states, each accessible', async () => {
    for (const props of [{ loading: true }, { staff: 0 }, { error: new Error('offline') }]) {
      const { container, unmount } = render(<CapacityGauge held={0} staff={1} {...props} />);
      expect(container.querySelector('[data-state]')).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    render(<CapacityGauge held={0} staff={1} error="offline" />);
    expect(screen.getByRole('alert').textContent).toBe('offline');
  });

  it('shows the empty state, never a NaN meter, when staff is not a usable count', async () => {
    for (const staff of [Number.NaN, Number.POSITIVE_INFINITY, -2]) {
      const { container, unmount } = render(<CapacityGauge held={10} staff={staff} />);
      expect(screen.queryByRole('meter')).toBeNull();
      expect(screen.getByText('No staff committed to relationships yet.')).toBeTruthy();
      expect(container.innerHTML).not.toContain('NaN');
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
  });

  it('falls back to 150 per person when perStaff is not a number', () => {
    render(<CapacityGauge held={100} staff={2} perStaff={Number.NaN} locale="en-US" />);
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuemax')).toBe('300');
    expect(meter.getAttribute('aria-valuetext')).toBe(
      '100 of 300 relationships held (2 staff × 150)',
    );
  });

  it('has no violations with data, in the dark theme, and renders on the server', async () => {
    const { container } = render(<CapacityGauge held={100} staff={1} theme="dark" />);
    expect(await axe(container)).toHaveNoViolations();
    expect(renderToString(<CapacityGauge held={100} staff={1} />)).toContain('role="meter"');
  });
});

describe('CapacityGauge with a capacity plan', () => {
  it('reads capacity, held and uncovered from planCapacity', () => {
    render(
      <CapacityGauge
        locale="en-US"
        plan={{
          capacity: 225,
          assignments: Array.from({ length: 225 }, (_, i) => ({
            memberId: `m${i}`,
            staffId: 'a',
            kept: false,
            superfan: true,
          })),
          uncovered: ['x', 'y'],
          load: [
            { staffId: 'a', capacity: 150, assigned: 150 },
            { staffId: 'b', capacity: 75, assigned: 75 },
          ],
        }}
      />,
    );
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuemax')).toBe('225');
    expect(screen.getByText('2 over capacity')).toBeTruthy();
    expect(screen.getByText('2 superfans without an owner')).toBeTruthy();
  });
});
