import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/schemas';
import { bucketMentions, detectSpikesByKey } from './bucket';
import { detectSpikes } from './batch';
import { explainSpike, tokenizeForTerms } from './explain';
import { prng } from '../sample/random';
import { poisson } from './synthetic';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');

function mention(
  id: string,
  t: number,
  author: string,
  text = 'hello',
  extra: Partial<Mention> = {},
): Mention {
  return {
    id,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: {
      id: author,
      handle: `@${author}`,
      followers: 10,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
    },
    text,
    createdAt: new Date(t).toISOString(),
    ...extra,
  };
}

describe('bucketMentions', () => {
  it('counts complete buckets overall and per key, with distinct authors and negatives', () => {
    const ms = [
      mention('1', T0 + 10 * 60_000, 'ann', 'late parcel', { tags: ['logistics'] }),
      mention('2', T0 + 20 * 60_000, 'ann', 'still late', { tags: ['logistics'] }),
      mention('3', T0 + 50 * 60_000, 'bob', 'love it', { tags: ['marketing'] }),
      mention('4', T0 + 3 * HOUR + 1, 'cat', 'where is my refund', { tags: ['service'] }),
      mention('5', T0 + 4 * HOUR + 5, 'dan', 'in progress'),
      mention('6', T0 + 2 * HOUR, 'brand', 'we are on it', { direction: 'outbound' }),
      mention('7', T0 + 9 * HOUR, 'eve', 'from the future'),
      mention('8', T0, 'fay', 'bad date'),
    ].map((m) => (m.id === '8' ? { ...m, createdAt: 'not a date' } : m));
    const out = bucketMentions(ms, {
      bucket: 'hour',
      now: T0 + 4 * HOUR + 30 * 60_000,
      by: 'department',
      departmentOf: (m) => m.tags?.[0],
      negative: (m) => /late|refund/.test(m.text),
    });
    expect(out.bucketMs).toBe(HOUR);
    expect(out.from).toBe('2026-01-05T00:00:00.000Z');
    expect(out.to).toBe('2026-01-05T04:00:00.000Z');
    expect(out.overall).toEqual([
      { start: '2026-01-05T00:00:00.000Z', count: 3, negative: 2, authors: 2 },
      { start: '2026-01-05T01:00:00.000Z', count: 0, negative: 0, authors: 0 },
      { start: '2026-01-05T02:00:00.000Z', count: 0, negative: 0, authors: 0 },
      { start: '2026-01-05T03:00:00.000Z', count: 1, negative: 1, authors: 1 },
    ]);
    expect(Object.keys(out.byKey)).toEqual(['logistics', 'marketing', 'service']);
    expect(out.byKey.logistics![0]).toEqual({
      start: '2026-01-05T00:00:00.000Z',
      count: 2,
      negative: 2,
      authors: 1,
    });
    expect(out.byKey.service!.map((b) => b.count)).toEqual([0, 0, 0, 1]);
    // Nothing is dropped silently: every uncounted mention has its reason.
    expect(out.rejected.map((r) => [r.input.id, r.issues[0]!.message])).toEqual([
      ['5', 'falls in the bucket still in progress at now; counted once it is complete'],
      ['6', "not counted: the brand's own messages are not customer attention"],
      ['7', 'is after now'],
      ['8', 'is not an ISO 8601 date-time with a zone (Z or +hh:mm)'],
    ]);
    expect(out.overall.reduce((s, b) => s + b.count, 0) + out.rejected.length).toBe(ms.length);
  });

  it("refuses a time without a zone instead of reading it in the server's time zone", () => {
    const zoneless = { ...mention('z', T0 + 30 * 60_000, 'a'), createdAt: '2026-01-05T00:30:00' };
    const out = bucketMentions([zoneless], { bucket: 'hour', now: T0 + 4 * HOUR });
    expect(out.overall.every((b) => b.count === 0)).toBe(true);
    expect(out.rejected.map((r) => r.issues[0]!.message)).toEqual([
      'is not an ISO 8601 date-time with a zone (Z or +hh:mm)',
    ]);
  });

  it('counts a mention given twice (a retried import) once, rejecting the copy with the reason', () => {
    const a = mention('1', T0 + 60_000, 'a');
    const b = mention('2', T0 + 120_000, 'b');
    const out = bucketMentions([a, b, { ...a }, { ...b, platform: 'reddit' }], {
      bucket: 'hour',
      now: T0 + 2 * HOUR,
    });
    // The same id on another platform is another mention.
    expect(out.overall[0]).toMatchObject({ count: 3, authors: 2 });
    expect(out.rejected.map((r) => [r.index, r.issues[0]!.message])).toEqual([
      [2, 'repeats the mention at index 0 (same platform and id); counted once'],
    ]);
  });

  it('reads a week or more without any mention as a gap, not as zeros (one mention dated long before the rest)', () => {
    const DAY = 24 * HOUR;
    const stray = mention('old', T0 - 35 * DAY, 'a');
    const recent = Array.from({ length: 6 * 24 }, (_, h) =>
      mention(`r${h}`, T0 + h * HOUR + 60_000, `p${h % 9}`),
    );
    const out = bucketMentions([stray, ...recent], { bucket: 'hour', now: T0 + 6 * DAY });
    // The stray hour, then the six days of traffic: not five weeks of zeros in between.
    expect(out.overall).toHaveLength(1 + 6 * 24);
    expect(out.overall[1]!.start).toBe(new Date(T0).toISOString());
    expect(out.rejected).toEqual([]);
    // Quiet nights of a few hours are still zeros, and a declared coverage is taken as given.
    const nights = bucketMentions([mention('a', T0, 'a'), mention('b', T0 + 10 * HOUR, 'b')], {
      bucket: 'hour',
      now: T0 + 12 * HOUR,
    });
    expect(nights.overall.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    const declared = bucketMentions([stray, ...recent], {
      bucket: 'hour',
      now: T0 + 6 * DAY,
      coverage: [{ start: T0 - 35 * DAY, end: T0 + 6 * DAY }],
    });
    expect(declared.overall).toHaveLength(41 * 24);
  });

  it('leaves buckets outside the collection coverage out of the series, as gaps', () => {
    const ms = [mention('1', T0 + 30 * 60_000, 'a'), mention('2', T0 + 2 * HOUR + 5, 'b')];
    const out = bucketMentions(ms, {
      bucket: 'hour',
      now: T0 + 4 * HOUR,
      coverage: [
        { start: T0, end: T0 + HOUR },
        { start: T0 + 3 * HOUR, end: T0 + 10 * HOUR },
      ],
    });
    expect(out.overall.map((b) => b.start.slice(11, 13))).toEqual(['00', '03']);
    expect(out.rejected.map((r) => r.input.id)).toEqual(['2']);
  });

  it('keeps the busiest keys and gathers the rest in one (other) series', () => {
    const ms = Array.from({ length: 60 }, (_, i) =>
      mention(String(i), T0 + i * 60_000, `a${i}`, 'x', {
        tags: [i < 30 ? 'big' : i < 50 ? 'mid' : `tiny${i}`],
      }),
    );
    const out = bucketMentions(ms, {
      bucket: 'hour',
      now: T0 + 2 * HOUR,
      by: (m) => m.tags?.[0],
      maxKeys: 3,
    });
    expect(Object.keys(out.byKey)).toEqual(['(other)', 'big', 'mid']);
    expect(out.byKey['(other)']![0]!.count).toBe(10);
    expect(out.overall[0]!.count).toBe(60);
  });

  it('rejects a now or from without a zone, which would mean a different hour on every machine', () => {
    expect(() => bucketMentions([], { bucket: 'hour', now: '2026-01-05 12:00' })).toThrow(
      RangeError,
    );
    expect(() => bucketMentions([], { bucket: 'hour', now: '2026-01-05 12:00' })).toThrow(
      'now must be an ISO 8601 date-time with a zone (Z or +hh:mm) or epoch milliseconds, got "2026-01-05 12:00".',
    );
    expect(() => bucketMentions([], { bucket: 'hour', now: T0, from: 'Jan 5 2026' })).toThrow(
      /from must be an ISO 8601 date-time with a zone/,
    );
  });

  it('needs departmentOf for by: department', () => {
    expect(() => bucketMentions([], { bucket: 'hour', now: T0, by: 'department' })).toThrow(
      /departmentOf/,
    );
  });
});

/** Five weeks of ordinary traffic, then a delivery incident on Tuesday of week 5 at 10:00. */
function world(): Mention[] {
  const rand = prng(4);
  const ms: Mention[] = [];
  const everyday = [
    'thanks for the help',
    'great product love it',
    'question about my account',
    'nice colours',
  ];
  let n = 0;
  for (let h = 0; h < 5 * 168; h++) {
    const hod = h % 24;
    const rate = hod >= 8 && hod <= 20 ? 12 : 2;
    const k = poisson(rand, rate);
    for (let i = 0; i < k; i++) {
      const t = T0 + h * HOUR + Math.floor(rand() * HOUR);
      ms.push(
        mention(
          `m${n++}`,
          t,
          `u${Math.floor(rand() * 5000)}`,
          everyday[Math.floor(rand() * everyday.length)]!,
          {
            tags: [rand() < 0.5 ? 'service' : 'marketing'],
          },
        ),
      );
    }
  }
  const incident = T0 + (4 * 168 + 24 + 10) * HOUR;
  for (let i = 0; i < 150; i++) {
    const t = incident + Math.floor((i / 150) * 2 * HOUR);
    ms.push(
      mention(
        `x${i}`,
        t,
        `angry${i}`,
        i % 2 ? 'my parcel is late again, no delivery update' : 'Delivery LATE!!! parcel lost?',
        {
          tags: ['logistics'],
          metrics: { likes: i, replies: 0, reposts: 0, quotes: 0, views: 0 },
        },
      ),
    );
  }
  return ms;
}

describe('detectSpikesByKey and explainSpike', () => {
  it('finds the spike overall and for the department, and explains it with terms, samples and who should look', () => {
    const ms = world();
    const now = T0 + 5 * 168 * HOUR;
    const departmentOf = (m: Mention) => m.tags?.[0];
    const buckets = bucketMentions(ms, { bucket: 'hour', now, by: 'department', departmentOf });
    const spikes = detectSpikesByKey(buckets);
    expect(spikes.map((s) => s.key ?? 'overall')).toEqual(['overall', 'logistics']);
    expect(spikes[1]!.department).toBe('logistics');
    expect(detectSpikes(buckets.overall, { bucket: 'hour' })).toEqual([spikes[0]]);

    const overall = explainSpike(spikes[0]!, ms, { departmentOf });
    expect(overall.department).toBe('logistics');
    expect(overall.topTerms!.map((t) => t.term)).toEqual(
      expect.arrayContaining(['parcel', 'late', 'delivery']),
    );
    expect(overall.topTerms![0]!.lift).toBeGreaterThan(10);
    expect(overall.sampleMentionIds).toHaveLength(5);
    expect(overall.sampleMentionIds!.every((id) => id.startsWith('x'))).toBe(true);
    expect(overall.reasons.at(-1)).toMatch(
      /^logistics should look: \d+% of the mentions in the spike are for logistics\.$/,
    );
    expect(overall.reasons.join(' ')).toMatch(/Words standing out: "/);
    // The input spike is not changed.
    expect(spikes[0]!.topTerms).toBeUndefined();

    const forKey = explainSpike(spikes[1]!, ms, { departmentOf });
    expect(forKey.department).toBe('logistics');
    expect(forKey.sampleMentionIds!.every((id) => id.startsWith('x'))).toBe(true);
  });

  it('tokenizes hostile text in bounded time and size', () => {
    const huge = '\u200b😀 שלום <b>late</b> '.repeat(200_000);
    const terms = tokenizeForTerms(huge);
    expect(terms.length).toBeLessThanOrEqual(200);
    expect(terms).toEqual(expect.arrayContaining(['late', 'שלום']));
    expect(
      tokenizeForTerms("My parcel is LATE again #DeliveryFail https://x.co/abc @shop it's 2026"),
    ).toEqual(['parcel', 'late', '#deliveryfail']);
  });
});
