import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it, vi } from 'vitest';
import { volumeSpike } from '../test/fixtures';
import { SpikeAlert } from './SpikeAlert';

describe('SpikeAlert', () => {
  it('explains expected vs observed, the reasons, terms and who should look', () => {
    const { container } = render(
      <SpikeAlert
        spike={volumeSpike}
        departmentNames={{ logistics: 'Logistics' }}
        locale="en-US"
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('h3')!.textContent).toBe('Spike in mentions, severity 9 of 10');
    expect(alert.textContent).toContain('312 mentions where about 42 were expected');
    expect(alert.textContent).toContain('Who should look: Logistics');
    expect(alert.textContent).toContain(volumeSpike.reasons[0]);
    // Hostile terms stay text.
    expect(container.querySelector('img')).toBeNull();
    expect(alert.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('explains a negative-share burn in shares', () => {
    render(
      <SpikeAlert
        spike={{
          ...volumeSpike,
          kind: 'negative_share',
          negativeShare: 0.6,
          expectedNegativeShare: 0.2,
        }}
        locale="en-US"
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('60% negative where 20% is usual');
  });

  it('calls onOpen and onDismiss from buttons', async () => {
    const onOpen = vi.fn();
    const onDismiss = vi.fn();
    render(<SpikeAlert spike={volumeSpike} onOpen={onOpen} onDismiss={onDismiss} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show mentions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onOpen).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { loading: true },
      { spike: null },
      { error: 'down' },
      { spike: volumeSpike, onOpen: () => {} },
      { spike: volumeSpike, theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<SpikeAlert {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<SpikeAlert spike={volumeSpike} />)).toContain('role="alert"');
  });
});
