import { render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { hourlySeries, volumeSpike } from '../test/fixtures';
import { VolumeChart } from './VolumeChart';

describe('VolumeChart', () => {
  it('draws bars, the baseline band, the negative share and the spike, and says it in words', () => {
    const { container } = render(
      <VolumeChart data={hourlySeries()} spikes={[volumeSpike]} width={600} locale="en-US" />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0);
    expect(container.querySelector('.recharts-area')).toBeTruthy();
    expect(container.querySelector('.recharts-line')).toBeTruthy();
    expect(container.querySelector('.recharts-reference-area')).toBeTruthy();
    const figure = screen.getByRole('figure', { name: 'Mentions over time' });
    expect(figure.textContent).toContain('2,285 mentions in 48 periods. Spikes: 1.');
    expect(figure.textContent).toContain('312 mentions vs about 42 expected (severity 9)');
  });

  it('has accessible loading, empty, error and data states', async () => {
    for (const props of [
      { loading: true, data: [] },
      { data: [] },
      { error: 'x', data: [] },
      { data: hourlySeries(), spikes: [volumeSpike], width: 500 },
    ]) {
      const { container, unmount } = render(<VolumeChart {...props} />);
      expect(container.querySelector('figure')).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
  });

  it('hides the chart from assistive technology without leaving a tab stop in it, and says it in words', async () => {
    const { container } = render(
      <VolumeChart data={hourlySeries()} spikes={[volumeSpike]} width={500} locale="en-US" />,
    );
    const hidden = container.querySelector('[aria-hidden="true"]')!;
    expect(hidden.querySelector('svg')).toBeTruthy();
    // recharts 3's keyboard layer would make the <svg> a tab stop (role="application", tabindex="0").
    expect(hidden.querySelector('[role="application"]')).toBeNull();
    const tabStops = [
      ...hidden.querySelectorAll<HTMLElement>('[tabindex], a[href], button, input'),
    ];
    expect(tabStops.filter((el) => el.tabIndex >= 0)).toEqual([]);
    // The text alternative stays outside the hidden part.
    const figure = screen.getByRole('figure', { name: 'Mentions over time' });
    expect(within(figure).getByText('2,285 mentions in 48 periods. Spikes: 1.')).toBeTruthy();
    expect(within(figure).getByRole('listitem').textContent).toContain('312 mentions');
    expect(
      await axe(container, { rules: { 'aria-hidden-focus': { enabled: true } } }),
    ).toHaveNoViolations();
  });

  it('counts a negative-share spike in negative mentions', () => {
    const burn = {
      ...volumeSpike,
      kind: 'negative_share' as const,
      start: '2026-11-21T02:00:00Z',
      observed: 58,
      expected: 21.3,
      severity: 6,
    };
    render(
      <VolumeChart data={hourlySeries()} spikes={[volumeSpike, burn]} width={500} locale="en-US" />,
    );
    const [volume, negative] = screen.getAllByRole('listitem');
    expect(volume!.textContent).toContain('312 mentions vs about 42 expected (severity 9)');
    expect(negative!.textContent).toContain(
      '58 negative mentions vs about 21.3 expected (severity 6)',
    );
  });

  it('renders on the server', () => {
    expect(renderToString(<VolumeChart data={hourlySeries()} width={400} />)).toContain(
      'figcaption',
    );
  });
});
