import type { CommunityReport, MemberReport } from '@rapport/core';

function ev(detail: string, percentile: number, evidence: string[] = []) {
  return { evidence, evidenceCount: evidence.length, percentile, detail };
}

export function member(
  i: number,
  superfan: boolean,
  extra: Partial<MemberReport> = {},
): MemberReport {
  return {
    memberId: `u${i}`,
    name: `Member ${i}`,
    rank: i,
    score: 100 - i * 7,
    percentile: 100 - i * 7,
    superfan,
    status: superfan ? 'superfan' : 'member',
    amplifier: i === 3,
    subScores: {
      depth: {
        ...ev('42 decayed points', 90 - i),
        value: 42,
        byClass: { consume: 5, participate: 9, advocate: 4, feedback: 12, help: 12 },
        consumptionCapped: false,
      },
      presence: {
        ...ev('active 18 of the last 26 weeks', 80 - i * 3, ['i1', 'i2']),
        value: 18,
        windowWeeks: 26,
        recentActiveWeeks: 3,
        recentWeeks: 4,
        gauge: 1,
        trend: 'steady',
      },
      helpfulness: {
        ...ev(`helped ${10 - i} other customers`, 95 - i * 10, ['i1', 'i3']),
        value: 30,
        peopleHelped: 10 - i,
        answers: 12,
        accepted: 4,
        thanked: 3,
        acknowledgedBy: 5,
        helpDays: 8,
      },
      intelligence: {
        ...ev('3 feedback items, 1 acted on', 40 + i * 5, ['i2']),
        value: 9,
        feedbackItems: 3,
        actioned: 1,
      },
      recency: {
        ...ev('active 2 days ago', 70),
        value: 0.98,
        daysSince: 2,
        lastActiveAt: '2026-11-20T00:00:00Z',
      },
      tenure: { ...ev('around for 400 days', 60), value: 400, firstSeenAt: '2025-10-18T00:00:00Z' },
    },
    gate: {
      passed: superfan,
      paths: superfan ? ['helper'] : [],
      checks: [
        { name: 'presence', passed: true, detail: 'present 18 of 26 weeks (needs 13)' },
        { name: 'helper', passed: superfan, detail: 'helped 9 people on 8 days (needs 5 on 3)' },
        { name: 'tenure', passed: true, detail: 'around 400 days (needs 60)' },
      ],
    },
    reasons: [`answered ${10 - i} other customers' questions; 4 accepted`],
    interactions: 40,
    firstSeenAt: '2025-10-18T00:00:00Z',
    lastSeenAt: '2026-11-20T00:00:00Z',
    ...extra,
  };
}

export function communityReport(): CommunityReport {
  const members = [
    member(1, true),
    member(2, true),
    member(3, false),
    member(4, false, { name: '<b>bold</b>\u202Eevil' }),
  ];
  return {
    now: '2026-11-22T10:00:00Z',
    members,
    superfanCount: 2,
    alerts: [
      { kind: 'rising', memberId: 'u2', message: 'crossed the superfan gate', evidence: [] },
    ],
    health: {
      contributors: 4,
      core: 1,
      regular: 1,
      casual: 2,
      shares: { core: 0.25, regular: 0.25, casual: 0.5 },
      helperBusFactor: 1,
      helpers: 2,
      summary: '1 person gives half of all help: fragile',
    },
    interactions: 160,
    ignored: { future: 0, excluded: 0, duplicates: 0, invalid: 0, withoutConsent: 0 },
    excludedMembers: [],
    membersWithoutConsent: 0,
  };
}
