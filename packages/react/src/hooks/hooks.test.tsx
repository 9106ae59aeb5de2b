import {
  createSpikeDetector,
  createTriage,
  type GoalTree,
  type Interaction,
  type SeriesBucket,
} from '@rapport/core';
import { act, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mention, T0 } from '../test/fixtures';
import { useGoals, useSpikeDetector, useSpikes, useSuperfans, useTriage } from './hooks';

const NOW = new Date(T0).toISOString();

function series(): SeriesBucket[] {
  const start = Date.parse('2026-10-01T00:00:00Z');
  return Array.from({ length: 24 * 28 }, (_, i) => ({
    start: new Date(start + i * 3_600_000).toISOString(),
    count: i === 24 * 27 + 10 ? 400 : 20 + ((i * 7) % 5),
    negative: i === 24 * 27 + 10 ? 300 : 3,
    authors: i === 24 * 27 + 10 ? 350 : 18,
  }));
}

describe('useTriage', () => {
  it('follows the triage store: ingest and resolve update the queue', () => {
    const triage = createTriage();
    const { result } = renderHook(() => useTriage(triage, { now: NOW }));
    expect(result.current.queue).toHaveLength(0);
    act(() => {
      triage.ingest([
        mention(1, { id: 'x1', conversationId: 'a' }),
        mention(2, {
          id: 'x2',
          conversationId: 'b',
          author: { ...mention(1).author, id: 'other', handle: 'other' },
        }),
      ]);
    });
    expect(result.current.queue.map((q) => q.conversationId).sort()).toEqual(['a', 'b']);
    expect(result.current.snapshot.openConversations).toBe(2);
    act(() => triage.resolve('a', NOW));
    expect(result.current.queue.map((q) => q.conversationId)).toEqual(['b']);
    expect(result.current.workload.length).toBeGreaterThan(0);
    expect(result.current.error).toBeUndefined();
  });

  it('reports a `now` that is not a date as an error instead of throwing during render', () => {
    const triage = createTriage();
    triage.ingest(mention(1));
    const { result, rerender } = renderHook(({ now }) => useTriage(triage, { now }), {
      initialProps: { now: 'yesterday' as string | number },
    });
    expect(result.current.error).toBeInstanceOf(RangeError);
    expect(result.current.error!.message).toMatch(
      /^useTriage: now "yesterday" is not a date and time/,
    );
    expect(result.current).toMatchObject({ queue: [], workload: [], now: '' });
    const first = result.current.error;
    rerender({ now: 'yesterday' });
    expect(result.current.error).toBe(first);
    for (const bad of [Number.NaN, 9e15]) {
      rerender({ now: bad });
      expect(result.current.error!.message).toContain(`now ${bad} is not a date and time`);
    }
    // Fixing the value brings the queue back.
    rerender({ now: NOW });
    expect(result.current.error).toBeUndefined();
    expect(result.current.now).toBe(NOW);
    expect(result.current.queue).toHaveLength(1);
  });

  it('reports a `now` that is not a date as an error on the server too', () => {
    const triage = createTriage();
    function Count() {
      const { queue, error } = useTriage(triage, { now: 'yesterday' });
      return <span>{error ? 'bad date' : queue.length}</span>;
    }
    expect(renderToString(<Count />)).toBe('<span>bad date</span>');
  });

  it('works on the server', () => {
    const triage = createTriage();
    triage.ingest(mention(1));
    function Count() {
      return <span>{useTriage(triage, { now: NOW }).queue.length}</span>;
    }
    expect(renderToString(<Count />)).toBe('<span>1</span>');
  });
});

describe('useSpikes and useSpikeDetector', () => {
  it('memoises detectSpikes on its inputs and finds the injected spike', () => {
    const data = series();
    const { result, rerender } = renderHook(({ s }) => useSpikes(s), { initialProps: { s: data } });
    const first = result.current;
    expect(first.error).toBeUndefined();
    expect(first.value!.length).toBeGreaterThan(0);
    rerender({ s: data });
    expect(result.current).toBe(first);
  });

  it('returns bad input as an error instead of throwing', () => {
    const { result } = renderHook(() => useSpikes([{ start: 'yesterday', count: -1 }]));
    expect(result.current.error).toBeInstanceOf(Error);
  });

  it('re-renders after each pushed bucket', () => {
    const detector = createSpikeDetector();
    const { result } = renderHook(() => useSpikeDetector(detector));
    act(() => {
      for (const b of series()) detector.push(b);
    });
    expect(result.current.lastBucket).toBeDefined();
    expect(result.current.spikes.length).toBeGreaterThan(0);
  });
});

describe('useSuperfans', () => {
  it('ranks members and plans owners', () => {
    const interactions: Interaction[] = [
      {
        id: 'q1',
        memberId: 'asker',
        at: '2026-11-01T10:00:00Z',
        channel: 'forum',
        type: 'question',
      },
      {
        id: 'a1',
        memberId: 'helper',
        at: '2026-11-01T11:00:00Z',
        channel: 'forum',
        type: 'answer',
        targetMemberId: 'asker',
        outcome: 'accepted',
      },
    ];
    const options = { now: NOW };
    const staff = [{ id: 'ana' }];
    const { result } = renderHook(() => useSuperfans(interactions, options, staff));
    expect(result.current.error).toBeUndefined();
    expect(result.current.report!.members[0]!.memberId).toBe('helper');
    expect(result.current.plan!.capacity).toBe(150);
  });
});

describe('useGoals', () => {
  it('returns an invalid tree as an error', () => {
    const tree = {
      objectives: [],
      kpis: [{ id: 'k', name: 'K', objective: 'missing' }],
      sources: [],
    } as unknown as GoalTree;
    const { result } = renderHook(() =>
      useGoals(tree, [], { from: '2026-11-01T00:00:00Z', to: '2026-11-22T00:00:00Z', now: NOW }),
    );
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.value).toBeUndefined();
  });
});
