import { describe, expect, it } from 'vitest';
import { relationshipMemory } from './memory';
import { NOW, daysAgo, interaction } from './test-helpers';

describe('relationshipMemory', () => {
  const list = [
    interaction('ana', 'comment', 400),
    interaction('ana', 'answer', 20, { targetMemberId: 'ben', outcome: 'accepted' }),
    interaction('ana', 'bug_report', 3, { url: 'https://forum.example/t/42' }),
    interaction('ana', 'complaint', -1),
    interaction('ben', 'complaint', 1),
  ];

  it('remembers the last hiccup with its link, the last celebration, promises and the next touch', () => {
    const memory = relationshipMemory(list, 'ana', {
      now: NOW,
      touches: [{ memberId: 'ana', at: daysAgo(10) }],
      commitments: [
        {
          id: 'p1',
          memberId: 'ana',
          madeAt: daysAgo(3),
          text: 'Send a fix date',
          dueAt: daysAgo(-5),
        },
        {
          id: 'p2',
          memberId: 'ana',
          madeAt: daysAgo(30),
          text: 'Beta invite',
          keptAt: daysAgo(20),
        },
        { id: 'p3', memberId: 'ben', madeAt: daysAgo(3), text: 'Refund' },
      ],
    });
    expect(memory.lastHiccup).toMatchObject({
      what: 'bug report',
      url: 'https://forum.example/t/42',
      at: list[2]!.at,
    });
    expect(memory.lastCelebration).toMatchObject({
      what: 'their answer was accepted',
      interactionId: list[1]!.id,
    });
    expect(memory.openPromises.map((p) => p.id)).toEqual(['p1']);
    // A hiccup after the last touch: follow up two days after it, which is already past.
    expect(memory.nextTouchDue).toBe(daysAgo(1));
    expect(memory.touchOverdue).toBe(true);
    expect(memory.summary).toContain('last hiccup 3 days ago (bug report)');
  });

  it('falls back to a regular cadence and celebrates anniversaries', () => {
    const memory = relationshipMemory([interaction('cy', 'comment', 370)], 'cy', {
      now: NOW,
      touches: [{ memberId: 'cy', at: daysAgo(2) }],
    });
    expect(memory.lastHiccup).toBeUndefined();
    expect(memory.lastCelebration!.what).toBe('1 year in the community');
    expect(memory.nextTouchDue).toBe(daysAgo(-28));
    expect(memory.touchOverdue).toBe(false);
  });

  it('lists the promises open at now: not ones made later, and ones kept later still count', () => {
    const memory = relationshipMemory(list, 'ana', {
      now: NOW,
      touches: [{ memberId: 'ana', at: daysAgo(1) }],
      commitments: [
        { id: 'future', memberId: 'ana', madeAt: daysAgo(-3), text: 'x', dueAt: daysAgo(2) },
        {
          id: 'keptLater',
          memberId: 'ana',
          madeAt: daysAgo(12),
          text: 'y',
          dueAt: daysAgo(7),
          keptAt: daysAgo(-8),
        },
        { id: 'kept', memberId: 'ana', madeAt: daysAgo(12), text: 'z', keptAt: daysAgo(1) },
      ],
    });
    expect(memory.openPromises.map((p) => p.id)).toEqual(['keptLater']);
    expect(memory.summary).toContain(
      `overdue since ${daysAgo(7).slice(0, 10)} (a promise falls due)`,
    );
  });

  it('celebrates the anniversary on its day, and words short and round durations properly', () => {
    const first = new Date(Date.parse(NOW) - 365 * 86_400_000 + 5 * 3_600_000).toISOString();
    const memory = relationshipMemory([{ ...interaction('dee', 'comment', 0), at: first }], 'dee', {
      now: new Date(Date.parse(NOW) + 6 * 3_600_000).toISOString(),
    });
    expect(memory.lastCelebration?.what).toBe('1 year in the community');
    const today = relationshipMemory([interaction('eve', 'complaint', 0)], 'eve', { now: NOW });
    expect(today.summary).toContain('last hiccup less than a day ago');
    const sixtyDays = relationshipMemory([interaction('fay', 'complaint', 60)], 'fay', {
      now: NOW,
    });
    expect(sixtyDays.summary).toContain('last hiccup 2 months ago');
  });

  it('keeps nothing about a person who said no, and schedules no touch for one who refused contact', () => {
    const touches = [{ memberId: 'ana', at: daysAgo(10) }];
    const noMemory = relationshipMemory(list, 'ana', {
      now: NOW,
      touches,
      consent: { relationship: false, contact: true },
    });
    expect(noMemory.lastHiccup).toBeUndefined();
    expect(noMemory.lastCelebration).toBeUndefined();
    expect(noMemory.withheld).toEqual(['relationship']);
    expect(noMemory.summary).not.toMatch(/hiccup|celebration|bug report/);
    expect(noMemory.summary).toMatch(/^nothing remembered about them: they said no; /);
    // The hiccup may not be remembered, so it does not bring the touch forward: the regular cadence applies.
    expect(noMemory.nextTouchDue).toBe(daysAgo(-20));
    expect(noMemory.touchOverdue).toBe(false);

    const noContact = relationshipMemory(list, 'ana', {
      now: NOW,
      touches,
      consent: { relationship: true, contact: false },
    });
    expect(noContact.lastHiccup).toMatchObject({ what: 'bug report' });
    expect(noContact.nextTouchDue).toBeUndefined();
    expect(noContact.touchOverdue).toBe(false);
    expect(noContact.withheld).toEqual(['contact']);
    expect(noContact.summary).toMatch(/no personal touches: they said no to being contacted$/);
  });

  it('on a consent basis keeps only what the person said yes to', () => {
    const unknown = relationshipMemory(list, 'ana', { now: NOW, basis: 'consent' });
    expect(unknown.withheld).toEqual(['relationship', 'contact']);
    expect(unknown.lastHiccup).toBeUndefined();
    expect(unknown.nextTouchDue).toBeUndefined();
    expect(unknown.summary).toBe(
      'nothing remembered about them: they have not said yes; no personal touches: they have not said yes to being contacted',
    );
    const yes = relationshipMemory(list, 'ana', {
      now: NOW,
      basis: 'consent',
      consent: { relationship: true, contact: true },
    });
    expect(yes.withheld).toEqual([]);
    expect(yes.lastHiccup).toMatchObject({ what: 'bug report' });
    expect(yes.touchOverdue).toBe(true);
    expect(() =>
      relationshipMemory(list, 'ana', { now: NOW, basis: 'maybe' as 'consent' }),
    ).toThrow(/basis must be 'legitimate_interest' or 'consent', got "maybe"/);
  });

  it('refuses a touch cadence that is not a number of days above 0', () => {
    for (const touchEveryDays of [Number.NaN, 0, -7, Number.POSITIVE_INFINITY]) {
      expect(() => relationshipMemory(list, 'ana', { now: NOW, touchEveryDays })).toThrow(
        /touchEveryDays must be a number of days above 0/,
      );
    }
  });

  it('throws the now RangeError when now or the options are left out, or now has no zone', () => {
    const call = relationshipMemory as (...args: unknown[]) => unknown;
    const missing = new RangeError('now must be an ISO 8601 date-time or epoch ms, got undefined');
    expect(() => call(list, 'ana')).toThrow(missing);
    expect(() => call(list, 'ana', {})).toThrow(missing);
    expect(() => relationshipMemory(list, 'ana', { now: 'Nov 22 2026' })).toThrow(
      new RangeError('now must be an ISO 8601 date-time or epoch ms, got "Nov 22 2026"'),
    );
  });
});
