// Dates in the provider's time zone: the same text on a server in one zone and a browser in another, so server
// rendering hydrates without a mismatch.
import { render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mention, T0 } from '../test/fixtures';
import { hydrateOver } from '../test/hydrate';
import { MentionCard } from '../MentionCard/MentionCard';
import { RapportProvider } from './RapportProvider';

const originalTz = process.env.TZ;

/** The package as another process in `tz` loads it (fresh modules, so no formatter is shared). */
async function widgetsIn(tz: string) {
  process.env.TZ = tz;
  vi.resetModules();
  return import('../index');
}

async function hydrationErrors(serverTz: string, clientTz: string, timeZone?: string) {
  const server = await widgetsIn(serverTz);
  const app = (w: typeof server) => (
    <w.RapportProvider locale="en-US" timeZone={timeZone}>
      <w.MentionCard mention={mention(1)} now={T0} />
    </w.RapportProvider>
  );
  const html = renderToString(app(server));
  const client = await widgetsIn(clientTz);
  const { errors, end } = await hydrateOver(html, app(client));
  end();
  return errors;
}

describe('RapportProvider timeZone', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
    vi.resetModules();
  });

  it('shows dates in the provider’s zone, whatever the runtime’s', () => {
    // 03:00 UTC on the 25th is still the 24th in New York.
    const m = mention(1, { createdAt: '2026-11-25T03:00:00Z' });
    const { container } = render(
      <RapportProvider locale="en-US" timeZone="America/New_York">
        <MentionCard mention={m} now={T0} />
      </RapportProvider>,
    );
    expect(container.querySelector('time')!.textContent).toContain('Nov 24, 2026');
  });

  it('hydrates server HTML written in UTC in a browser in New York, and Berlin in Tokyo', async () => {
    expect(await hydrationErrors('UTC', 'America/New_York', 'Europe/London')).toEqual([]);
    expect(await hydrationErrors('Europe/Berlin', 'Asia/Tokyo', 'Europe/London')).toEqual([]);
  });

  it('refuses an unknown zone with a clear error', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<RapportProvider timeZone="Mars/Olympus">x</RapportProvider>)).toThrow(
      'RapportProvider: unknown time zone "Mars/Olympus"',
    );
    spy.mockRestore();
  });
});
