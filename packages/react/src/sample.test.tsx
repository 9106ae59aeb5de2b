// The widgets over the core's sample world, end to end: the same path a product team would take.
import { bucketMentions, createTriage, interactionsFromMentions } from '@rapport/core';
import { createSampleWorld } from '@rapport/core/sample';
import { render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  SuperfanLeaderboard,
  TriageQueue,
  useSpikes,
  useSuperfans,
  useTriage,
  VolumeChart,
} from './index';

const world = createSampleWorld({ seed: 7, days: 10, scale: 0.25 });

describe('sample world', () => {
  it('fills the triage queue', () => {
    const triage = createTriage();
    triage.ingest(world.mentions);
    const { result } = renderHook(() => useTriage(triage, { now: world.end }));
    expect(result.current.queue.length).toBeGreaterThan(0);
    render(
      <TriageQueue
        rows={result.current.queue}
        superfans={world.superfans.map((a) => a.id)}
        now={world.end}
      />,
    );
    const grid = screen.getByRole('grid');
    expect(Number(grid.getAttribute('aria-rowcount'))).toBe(result.current.queue.length + 1);
  });

  it('charts volume with the spikes the core finds', () => {
    const buckets = bucketMentions(world.mentions, { bucket: 'hour', now: world.end });
    const { result } = renderHook(() => useSpikes(buckets.overall));
    expect(result.current.error).toBeUndefined();
    const { container } = render(
      <VolumeChart data={buckets.overall} spikes={result.current.value} width={800} />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0);
  });

  it('ranks the community', () => {
    const batch = interactionsFromMentions(world.mentions);
    const options = { now: world.end, members: batch.members };
    const { result } = renderHook(() => useSuperfans(batch.interactions, options, [{ id: 'ana' }]));
    expect(result.current.error).toBeUndefined();
    render(<SuperfanLeaderboard report={result.current.report} />);
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1);
  });
});
