import { render, screen } from '@testing-library/react';
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

  it('renders on the server', () => {
    expect(renderToString(<VolumeChart data={hourlySeries()} width={400} />)).toContain(
      'figcaption',
    );
  });
});
