import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeSla,
  evaluateSla,
  formatMinutes,
  selectSlaPolicy,
  slaDue,
  slaTargets,
  worstStatus,
  type SlaDue,
} from './sla';
import { testAuthor, testMention } from './fixtures';
import { arbCalendar, arbInstant, MIN, oracleCounts, oracleOpen } from './oracle.test-helpers';
import type { Calendar, SlaConversation, SlaPolicy } from './types';
import type { Mention } from '../model/schemas';

const policy: SlaPolicy = {
  id: 'standard',
  targets: { firstResponse: 60, nextResponse: 120, resolution: 8 * 60 },
  byBand: { critical: { firstResponse: 15 } },
};
const open: Calendar = { id: '24/7', timeZone: 'UTC', alwaysOpen: true };
const nineToFive = [{ start: '09:00', end: '17:00' }];
const uk: Calendar = {
  id: 'uk',
  timeZone: 'Europe/London',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
};

const inbound = (id: string, at: string, extra: Partial<Mention> = {}) =>
  testMention(id, at, { author: testAuthor('cust'), ...extra });
const reply = (id: string, at: string, extra: Partial<Mention> = {}) =>
  testMention(id, at, {
    direction: 'outbound',
    author: testAuthor('brand', { isBrand: true }),
    ...extra,
  });
const bot = (id: string, at: string) =>
  reply(id, at, { author: testAuthor('bot', { isBrand: true, isBot: true }) });
const clock = (state: ReturnType<typeof computeSla>, target: string) =>
  state.clocks.find((c) => c.target === target);

describe('policy selection and targets', () => {
  it('picks the first policy whose conditions hold and merges targets general to specific', () => {
    const policies: SlaPolicy[] = [
      { id: 'vip', when: { tags: ['vip'] }, targets: { firstResponse: 10 } },
      {
        id: 'public',
        when: { channels: ['public'], departments: ['service'] },
        targets: { firstResponse: 30 },
      },
      policy,
    ];
    expect(selectSlaPolicy(policies, { channel: 'public', department: 'service' })?.id).toBe(
      'public',
    );
    expect(
      selectSlaPolicy(policies, { channel: 'public', department: 'service', tags: ['vip'] })?.id,
    ).toBe('vip');
    expect(selectSlaPolicy(policies, { channel: 'private' })?.id).toBe('standard');
    const merged = slaTargets(
      {
        ...policy,
        byDepartment: { sales: { firstResponse: 45, resolution: 60 } },
        byChannel: { public: { firstResponse: 30 } },
      },
      { department: 'sales', channel: 'public', band: 'critical' },
    );
    expect(merged).toEqual({
      firstResponse: 15,
      nextResponse: 120,
      resolution: 60,
      publicAcknowledgement: 60,
    });
  });

  it('formats durations for people', () => {
    expect([formatMinutes(45), formatMinutes(90), formatMinutes(120), formatMinutes(2880)]).toEqual(
      ['45 min', '1 h 30 min', '2 h', '2 d'],
    );
    expect(worstStatus(['met', 'paused', 'warning'])).toBe('warning');
    expect(worstStatus([])).toBe('met');
  });
});

describe('computeSla', () => {
  it('starts at the first customer message and counts business time only', () => {
    const conv: SlaConversation = {
      mentions: [inbound('a', '2026-11-20T16:30:00Z')],
      channel: 'private',
    };
    const s = computeSla(conv, policy, uk, '2026-11-21T12:00:00Z');
    const fr = clock(s, 'first_response')!;
    expect(fr).toMatchObject({
      status: 'pending',
      dueAt: '2026-11-23T09:30:00.000Z',
      used: 30 * MIN,
      remaining: 30 * MIN,
    });
    expect(s.nextDueAt).toBe('2026-11-23T09:30:00.000Z');
    expect(fr.events.map((e) => e.kind)).toEqual(['applied']);
  });

  it('refuses a now without a zone, which would mean a different minute on every server', () => {
    const conv: SlaConversation = {
      mentions: [inbound('a', '2026-11-23T09:00:00Z')],
      channel: 'private',
    };
    expect(() => computeSla(conv, policy, open, '2026-11-23 09:50')).toThrow(
      '"2026-11-23 09:50" is not an ISO 8601 instant with a zone (2026-11-23T10:00:00Z) or epoch milliseconds.',
    );
    expect(computeSla(conv, policy, open, Date.parse('2026-11-23T09:50:00Z'))).toEqual(
      computeSla(conv, policy, open, '2026-11-23T09:50:00Z'),
    );
  });

  it('warns at 75% and breaches at the target, with events', () => {
    const conv: SlaConversation = {
      mentions: [inbound('a', '2026-11-23T09:00:00Z')],
      channel: 'private',
    };
    expect(
      clock(computeSla(conv, policy, open, '2026-11-23T09:50:00Z'), 'first_response')!.status,
    ).toBe('warning');
    const s = computeSla(conv, policy, open, '2026-11-23T10:30:00Z');
    const fr = clock(s, 'first_response')!;
    expect(fr).toMatchObject({
      status: 'breached',
      breachedAt: '2026-11-23T10:00:00.000Z',
      remaining: -30 * MIN,
    });
    expect(fr.events.map((e) => [e.kind, e.at])).toEqual([
      ['applied', '2026-11-23T09:00:00.000Z'],
      ['warning', '2026-11-23T09:45:00.000Z'],
      ['breached', '2026-11-23T10:00:00.000Z'],
    ]);
    expect(s.status).toBe('breached');
  });

  it('bot replies do not satisfy a target; a person does', () => {
    const conv: SlaConversation = {
      mentions: [
        inbound('a', '2026-11-23T09:00:00Z'),
        bot('b', '2026-11-23T09:00:05Z'),
        reply('c', '2026-11-23T09:40:00Z'),
      ],
      channel: 'private',
    };
    const fr = clock(computeSla(conv, policy, open, '2026-11-23T12:00:00Z'), 'first_response')!;
    expect(fr).toMatchObject({ status: 'met', fulfilledAt: '2026-11-23T09:40:00.000Z' });
    const botOnly = { ...conv, mentions: conv.mentions.slice(0, 2) };
    expect(
      clock(computeSla(botOnly, policy, open, '2026-11-23T12:00:00Z'), 'first_response')!.status,
    ).toBe('breached');
  });

  it('resolving stops every clock even when the customer spoke last', () => {
    const conv: SlaConversation = {
      mentions: [
        inbound('a', '2026-11-23T09:00:00Z'),
        reply('b', '2026-11-23T09:10:00Z'),
        inbound('c', '2026-11-23T09:20:00Z'),
      ],
      channel: 'private',
      resolvedAt: '2026-11-23T09:30:00Z',
    };
    const s = computeSla(conv, policy, open, '2026-11-24T12:00:00Z');
    expect(s.clocks.map((c) => [c.target, c.status])).toEqual([
      ['first_response', 'met'],
      ['next_response', 'met'],
      ['resolution', 'met'],
    ]);
    expect(s.nextDueAt).toBeUndefined();
    expect(clock(s, 'next_response')!.fulfilledAt).toBe('2026-11-23T09:30:00.000Z');
  });

  it('a customer message after resolution reopens: response clock runs, resolved time is a pause', () => {
    const conv: SlaConversation = {
      mentions: [
        inbound('a', '2026-11-23T09:00:00Z'),
        reply('b', '2026-11-23T09:10:00Z'),
        inbound('c', '2026-11-23T11:00:00Z'),
      ],
      channel: 'private',
      resolvedAt: '2026-11-23T09:30:00Z',
    };
    const s = computeSla(conv, policy, open, '2026-11-23T11:30:00Z');
    expect(clock(s, 'next_response')).toMatchObject({
      status: 'pending',
      startedAt: '2026-11-23T11:00:00.000Z',
      used: 30 * MIN,
    });
    // Resolution: 10 min before the reply, then waiting on the customer and resolved until 11:00, then 30 min.
    expect(clock(s, 'resolution')).toMatchObject({ status: 'pending', used: 40 * MIN });
  });

  it('pauses the resolution clock while waiting on the customer, and counts next-response cycles', () => {
    const conv: SlaConversation = {
      mentions: [
        inbound('a', '2026-11-23T09:00:00Z'),
        reply('b', '2026-11-23T09:30:00Z'),
        inbound('c', '2026-11-23T12:00:00Z'),
        inbound('d', '2026-11-23T12:05:00Z'),
        reply('e', '2026-11-23T15:00:00Z'),
      ],
      channel: 'private',
    };
    const s = computeSla(conv, policy, open, '2026-11-23T16:00:00Z');
    const res = clock(s, 'resolution')!;
    expect(res).toMatchObject({ status: 'paused', used: (30 + 180) * MIN });
    expect(res.pauses).toEqual([
      {
        from: '2026-11-23T09:30:00.000Z',
        to: '2026-11-23T12:00:00.000Z',
        reason: 'waiting on the customer',
      },
      { from: '2026-11-23T15:00:00.000Z', reason: 'waiting on the customer' },
    ]);
    const next = clock(s, 'next_response')!;
    expect(next).toMatchObject({
      cycles: 1,
      status: 'breached',
      breachedAt: '2026-11-23T14:00:00.000Z',
    });
  });

  it('public complaints get a public acknowledgement clock (60 min default) that a DM does not satisfy', () => {
    const conv: SlaConversation = {
      mentions: [
        inbound('a', '2026-11-23T09:00:00Z'),
        reply('b', '2026-11-23T09:20:00Z', { channel: 'private' }),
      ],
      channel: 'public',
      complaint: true,
    };
    const s = computeSla(conv, policy, open, '2026-11-23T10:30:00Z');
    expect(clock(s, 'public_acknowledgement')).toMatchObject({
      status: 'breached',
      targetMinutes: 60,
    });
    expect(clock(s, 'first_response')!.status).toBe('met');
    expect(
      clock(
        computeSla({ ...conv, complaint: false }, policy, open, '2026-11-23T10:30:00Z'),
        'public_acknowledgement',
      ),
    ).toBeUndefined();
  });

  it('round-the-clock targets ignore the calendar', () => {
    const conv: SlaConversation = {
      mentions: [inbound('a', '2026-11-21T12:00:00Z')],
      channel: 'public',
      complaint: true,
    };
    const s = computeSla(
      conv,
      { ...policy, roundTheClock: ['public_acknowledgement'] },
      uk,
      '2026-11-21T13:30:00Z',
    );
    expect(clock(s, 'public_acknowledgement')!.status).toBe('breached');
    expect(clock(s, 'first_response')).toMatchObject({ status: 'pending', used: 0 });
  });

  it('ignores what happens after now and reports no clocks without a customer message', () => {
    const conv: SlaConversation = {
      mentions: [inbound('a', '2026-11-23T09:00:00Z'), reply('b', '2026-11-23T09:30:00Z')],
      channel: 'private',
    };
    expect(
      clock(computeSla(conv, policy, open, '2026-11-23T09:20:00Z'), 'first_response')!.status,
    ).toBe('pending');
    expect(
      computeSla(
        { mentions: [reply('x', '2026-11-23T09:00:00Z')], channel: 'public' },
        policy,
        open,
        Date.parse('2026-11-24T00:00:00Z'),
      ).clocks,
    ).toEqual([]);
  });
});

describe('SLA deadlines against a minute-by-minute oracle', () => {
  const pauseArb = fc.tuple(fc.integer({ min: -300, max: 1440 }), fc.integer({ min: 1, max: 900 }));
  it('first-response dueAt, used, remaining and status agree over random calendars, DST, holidays and pauses', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbInstant,
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 1440 }),
        fc.array(pauseArb, { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 1440 }), { nil: undefined }),
        (cal, start, target, span, rawPauses, replyAfter) => {
          const now = start + span * MIN;
          const pauses = rawPauses
            .map(([a, len]) => [start + a * MIN, start + (a + len) * MIN] as [number, number])
            .filter(([a]) => a <= now);
          const replyAt = replyAfter !== undefined ? start + replyAfter * MIN : undefined;
          const conv: SlaConversation = {
            mentions: [
              inbound('a', new Date(start).toISOString()),
              ...(replyAt !== undefined ? [reply('r', new Date(replyAt).toISOString())] : []),
            ],
            channel: 'private',
            pauses: pauses.map(([a, b]) => ({
              from: new Date(a).toISOString(),
              to: new Date(b).toISOString(),
              reason: 'on hold',
            })),
          };
          const got = clock(
            computeSla(conv, { id: 'p', targets: { firstResponse: target } }, cal, now),
            'first_response',
          )!;

          // Oracle: step minute by minute until the reply or now.
          const stopped = replyAt !== undefined && replyAt <= now;
          const end = stopped ? replyAt : now;
          let used = 0;
          let due: number | undefined;
          for (let t = start; t < end; t += MIN) {
            if (oracleCounts(cal, t, pauses)) {
              used++;
              if (used === target && due === undefined) due = t + MIN;
            }
          }
          expect(got.used).toBe(used * MIN);
          expect(got.remaining).toBe((target - used) * MIN);
          const breached = stopped ? used > target : used >= target;
          if (breached) {
            expect(got.status).toBe('breached');
            expect(got.breachedAt).toBe(new Date(due!).toISOString());
            return;
          }
          if (stopped) {
            expect(got.status).toBe('met');
            return;
          }
          const pausedNow = pauses.some(([a, b]) => a <= now && now < b);
          expect(got.status).toBe(
            pausedNow ? 'paused' : used >= 0.75 * target ? 'warning' : 'pending',
          );
          // If the clock runs on from now (future pauses unknown): the minute the target is reached.
          let left = target - used;
          for (let t = now; t < now + 2 * 1440 * MIN; t += MIN) {
            if (oracleOpen(cal, t) && --left === 0) {
              expect(got.dueAt).toBe(new Date(t + MIN).toISOString());
              return;
            }
          }
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});

describe('messages of the same second', () => {
  const q = inbound('q', '2026-11-23T10:00:00Z');
  const r = reply('r', '2026-11-23T10:05:00Z', { inReplyToId: 'q' });
  const f = inbound('f', '2026-11-23T10:05:00Z', { inReplyToId: 'r' });
  const now = '2026-11-23T10:30:00Z';

  it('a follow-up sent the same second after a reply waits for the next response', () => {
    const state = computeSla({ mentions: [q, r, f], channel: 'private' }, policy, open, now);
    expect(clock(state, 'first_response')).toMatchObject({
      status: 'met',
      fulfilledAt: '2026-11-23T10:05:00.000Z',
    });
    expect(clock(state, 'next_response')).toMatchObject({
      status: 'pending',
      startedAt: '2026-11-23T10:05:00.000Z',
      dueAt: '2026-11-23T12:05:00.000Z',
    });
    // The customer wrote last: the resolution clock runs (it is not waiting on the customer).
    expect(clock(state, 'resolution')!.status).toBe('pending');
    expect(clock(state, 'resolution')!.used).toBe(30 * MIN);
    expect(state.nextDueAt).toBe('2026-11-23T12:05:00.000Z');
    // The queue's numbers agree.
    const due = slaDue(
      { mentions: [q, r, f], channel: 'private' },
      policy,
      open,
      Date.parse(now),
      undefined,
      {
        dueMs: 0,
        warnMs: 0,
        target: undefined,
        paused: false,
      },
    );
    expect(due).toMatchObject({
      target: 'next_response',
      dueMs: Date.parse('2026-11-23T12:05:00Z'),
    });
  });

  it('a reply sent the same second after the follow-up answers it', () => {
    const state = computeSla({ mentions: [q, f, r], channel: 'private' }, policy, open, now);
    expect(clock(state, 'next_response')).toBeUndefined();
    expect(clock(state, 'resolution')!.status).toBe('paused');
  });

  it('a reply the same second before the first message does not answer it', () => {
    const early = reply('e', '2026-11-23T10:00:00Z');
    const state = computeSla({ mentions: [early, q], channel: 'private' }, policy, open, now);
    expect(clock(state, 'first_response')).toMatchObject({
      status: 'pending',
      dueAt: '2026-11-23T11:00:00.000Z',
    });
  });
});

describe('slaDue', () => {
  // Random conversations: customer messages, replies by people and bots on either channel, explicit pauses
  // (open or closed), a resolution, and `now` anywhere (messages after it are not known yet).
  const eventArb = fc.record({
    kind: fc.constantFrom('in', 'in', 'reply', 'reply', 'bot'),
    // Often on a few shared instants, so that messages, replies, pauses and resolutions coincide.
    min: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0, 30, 60, 600)),
    channel: fc.constantFrom('public' as const, 'private' as const),
  });
  const policyArb: fc.Arbitrary<SlaPolicy> = fc.record({
    id: fc.constant('p'),
    targets: fc.record(
      {
        firstResponse: fc.integer({ min: 0, max: 600 }),
        nextResponse: fc.integer({ min: 1, max: 600 }),
        resolution: fc.integer({ min: 1, max: 3000 }),
        publicAcknowledgement: fc.integer({ min: 1, max: 600 }),
      },
      { requiredKeys: [] },
    ),
    warnAt: fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }), {
      nil: undefined,
    }),
    roundTheClock: fc.option(
      fc.subarray([
        'first_response',
        'next_response',
        'resolution',
        'public_acknowledgement',
      ] as const),
      { nil: undefined },
    ),
  });
  it('equals folding the clocks of evaluateSla, as the queue did', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbCalendar, fc.constant(open)),
        arbInstant,
        policyArb,
        fc.array(eventArb, { maxLength: 8 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: -100, max: 3000 }),
            fc.option(fc.integer({ min: 0, max: 900 })),
          ),
          {
            maxLength: 3,
          },
        ),
        fc.option(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(30, 60)), {
          nil: undefined,
        }),
        fc.oneof(fc.integer({ min: 0, max: 3500 }), fc.constantFrom(30, 60, 600)),
        fc.boolean(),
        fc.boolean(),
        (cal, start, pol, events, rawPauses, resolvedMin, nowMin, complaint, sorted) => {
          const iso = (min: number) => new Date(start + min * MIN).toISOString();
          const mentions = events.map((e, i) =>
            e.kind === 'in'
              ? inbound(`m${i}`, iso(e.min), { channel: e.channel })
              : e.kind === 'reply'
                ? reply(`m${i}`, iso(e.min), { channel: e.channel })
                : bot(`m${i}`, iso(e.min)),
          );
          if (sorted) mentions.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
          const conv: SlaConversation = {
            mentions,
            channel: mentions[0]?.channel ?? 'public',
            complaint,
            ...(resolvedMin !== undefined && { resolvedAt: iso(resolvedMin) }),
            pauses: rawPauses.map(([a, len]) => ({
              from: iso(a),
              ...(len !== null && { to: iso(a + len) }),
              reason: 'on hold',
            })),
          };
          const now = start + nowMin * MIN;
          const times = sorted ? mentions.map((m) => Date.parse(m.createdAt)) : undefined;
          const expected: SlaDue = {
            dueMs: Infinity,
            warnMs: Infinity,
            target: undefined,
            paused: false,
          };
          for (const c of evaluateSla(conv, pol, cal, now, false, times)) {
            if (c.status === 'paused') expected.paused = true;
            if (c.stopped || c.status === 'paused' || c.dueMs === undefined) continue;
            if (c.dueMs < expected.dueMs) {
              expected.dueMs = c.dueMs;
              expected.warnMs = c.warnMs ?? Infinity;
              expected.target = c.target;
            }
          }
          const got = slaDue(conv, pol, cal, now, times, {
            dueMs: 0,
            warnMs: 0,
            target: 'resolution',
            paused: true,
          });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  }, 120_000);
});
