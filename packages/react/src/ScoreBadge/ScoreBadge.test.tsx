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

  it('renders on the server', () => {
    expect(renderToString(<ScoreBadge priority={55} />)).toContain('data-band="high"');
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<ScoreBadge priority={40} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
