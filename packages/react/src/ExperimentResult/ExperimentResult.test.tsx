import { welchTTest, type ExperimentResult as CoreResult } from '@rapport/core';
import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { ExperimentResult } from './ExperimentResult';

const result: CoreResult = {
  test: 'two_proportion_z',
  verdict: 'won',
  reasons: ['The variant converted 2.5 points more; the interval excludes zero.'],
  difference: 0.025,
  relativeLift: 0.25,
  interval: [0.0054, 0.0446],
  statistic: 2.502,
  pValue: 0.01235,
  alpha: 0.05,
  controlRate: 0.1,
  treatmentRate: 0.125,
};

describe('ExperimentResult', () => {
  it('shows the verdict, rates with counts, lift, interval and reasons', () => {
    render(
      <ExperimentResult
        name="Reply within 10 minutes"
        result={result}
        control={{ successes: 200, trials: 2000 }}
        treatment={{ successes: 250, trials: 2000 }}
        locale="en-US"
      />,
    );
    expect(screen.getByRole('region', { name: 'Reply within 10 minutes' })).toBeTruthy();
    expect(screen.getByText('Won')).toBeTruthy();
    expect(screen.getByText('10% (200 of 2,000)')).toBeTruthy();
    expect(screen.getByText('25%')).toBeTruthy();
    expect(screen.getByText('0.0124')).toBeTruthy();
    expect(screen.getByText(result.reasons[0]!)).toBeTruthy();
  });

  it("shows a t-test's means and interval in the metric's unit, not as percentages", () => {
    // Reply times in seconds: the means are 302.5 and 245, the difference about −57.5 s.
    const t = welchTTest([300, 320, 280, 310], [240, 260, 250, 230]);
    render(<ExperimentResult name="Reply time (s)" result={t} locale="en-US" />);
    const row = (term: string) => screen.getByText(term).nextElementSibling!.textContent;
    expect(row('Control')).toBe('302.5');
    expect(row('Variant')).toBe('245');
    // The interval of the difference is [−84.172…, −30.828…] seconds.
    expect(row('Confidence interval of the difference')).toBe('-84.17 … -30.83');
    // The relative lift is a ratio, so it stays a percentage.
    expect(row('Relative lift')).toBe('-19%');
    expect(document.body.textContent).not.toContain('30,250%');
  });

  it('translates verdicts', () => {
    render(<ExperimentResult name="x" result={result} labels={{ verdict: { won: 'Gagné' } }} />);
    expect(screen.getByText('Gagné')).toBeTruthy();
  });

  it('has accessible loading, empty, error and result states; renders on the server', async () => {
    for (const props of [
      { loading: true },
      { result: null },
      { error: 'boom' },
      { result },
      { result: welchTTest([3, 4, 5, 4], [6, 7, 5, 8]) },
    ]) {
      const { container, unmount } = render(<ExperimentResult name="Test" {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<ExperimentResult name="Test" result={result} />)).toContain('Won');
  });
});
