import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { ScoreBadge } from './ScoreBadge';

describe('ScoreBadge', () => {
  it('announces the priority and its band as a status', () => {
    render(<ScoreBadge priority={82} />);
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe(
      'Priority 82 of 100, Critical',
    );
  });

  it('clamps out-of-range and non-finite priorities', () => {
    render(<ScoreBadge priority={Number.NaN} />);
    expect(screen.getByRole('status').textContent).toContain('0');
  });

  it('takes translated labels', () => {
    render(
      <ScoreBadge
        priority={10}
        bandLabels={{ low: 'Faible' }}
        label="Priorité {priority}: {band}"
      />,
    );
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe('Priorité 10: Faible');
  });

  it('is a labelled image, not a live region, when it is one of many (a queue of twenty rows)', async () => {
    const { container } = render(
      <ul>
        {[91, 40, 12].map((p) => (
          <li key={p}>
            <ScoreBadge priority={p} live={false} />
          </li>
        ))}
      </ul>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getAllByRole('img').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Priority 91 of 100, Critical',
      'Priority 40 of 100, Normal',
      'Priority 12 of 100, Low',
    ]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('renders on the server', () => {
    expect(renderToString(<ScoreBadge priority={55} />)).toContain('data-band="high"');
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<ScoreBadge priority={40} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
