import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommunity, mergeCommunityStates, toCommunityState } from './community';
import { detectSuperfans } from './detect';
import { NOW, daysAgo, interaction, randomCommunity, weeklyHelper } from './test-helpers';
import type { CommunityState, MemberInfo } from './types';

const directory: MemberInfo[] = [
  { id: 'm1', followers: 90_000 },
  { id: 'm2', kind: 'staff' },
  { id: 'm3', abusive: true },
];

function shard(state: CommunityState, shards: number, salt: number): CommunityState[] {
  const out = Array.from({ length: shards }, () => toCommunityState([], []));
  const hash = (s: string) => {
    let h = salt;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    return h % shards;
  };
  for (const it of state.interactions) out[hash(it.memberId)]!.interactions.push(it);
  for (const m of state.members) out[hash(m.id)]!.members.push(m);
  return out.map((s) => toCommunityState(s.interactions, s.members));
}

describe('community state', () => {
  it('members sharded across workers give the same report as one process (merge == single)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 2, max: 4 }),
        fc.nat(),
        (seed, shards, salt) => {
          const list = randomCommunity(seed, 400, 50);
          const single = toCommunityState(list, directory);
          const parts = shard(single, shards, salt);
          const merged = parts.reduce((a, b) => mergeCommunityStates(a, b));
          expect(merged).toEqual(single);
          const one = detectSuperfans(list, { now: NOW, members: directory });
          expect(
            detectSuperfans(merged.interactions, { now: NOW, members: merged.members }),
          ).toEqual(one);
          // The same through workers' live communities merged into one.
          const live = createCommunity();
          for (const p of parts)
            live.merge(
              JSON.parse(JSON.stringify(createCommunity({}, p).state())) as CommunityState,
            );
          expect(live.report(NOW)).toEqual(one);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('merges in any order to the same state', () => {
    const [a, b] = shard(toCommunityState(randomCommunity(7, 300, 30), directory), 2, 1);
    expect(mergeCommunityStates(a!, b!)).toEqual(mergeCommunityStates(b!, a!));
  });

  it('keeps one interaction per id and drops unreadable dates from the state', () => {
    const it1 = interaction('ana', 'comment', 1);
    const state = toCommunityState([
      it1,
      { ...it1, text: 'again' },
      { ...interaction('ana', 'like', 1), at: 'soon' },
    ]);
    expect(state.interactions).toEqual([it1]);
  });
});

describe('consent across shards', () => {
  const ben = [interaction('ben', 'comment', 3)];
  const yes = { id: 'ben', name: 'Ben', consent: { profiling: true } };
  const no = { id: 'ben', consent: { profiling: false } };

  it('keeps an objection made in another shard, in a live community as in mergeCommunityStates', () => {
    const shardA = toCommunityState(ben, [{ id: 'ben', name: 'Ben' }]);
    const shardB = toCommunityState([], [no]);
    const viaState = mergeCommunityStates(shardA, shardB);
    expect(viaState.members).toEqual([{ id: 'ben', name: 'Ben', consent: { profiling: false } }]);
    const live = createCommunity({}, shardA);
    live.merge(shardB);
    expect(live.state()).toEqual(viaState);
    expect(live.report(NOW).members).toEqual([]);
    expect(live.report(NOW).membersWithoutConsent).toBe(1);
  });

  it('lets the consent recorded later win, and without dates a no on either side', () => {
    const at = (consent: { profiling: boolean }, recordedAt?: string) => ({
      ...yes,
      consent: { ...consent, ...(recordedAt !== undefined && { recordedAt }) },
    });
    const merged = (a: MemberInfo, b: MemberInfo) =>
      mergeCommunityStates(toCommunityState(ben, [a]), toCommunityState([], [b])).members[0]!
        .consent;
    // An older yes does not undo a newer no, and a newer yes (consent given again) replaces an older no.
    expect(
      merged(at({ profiling: true }, daysAgo(9)), at({ profiling: false }, daysAgo(2))),
    ).toEqual({
      profiling: false,
      recordedAt: daysAgo(2),
    });
    expect(
      merged(at({ profiling: false }, daysAgo(9)), at({ profiling: true }, daysAgo(2))),
    ).toEqual({
      profiling: true,
      recordedAt: daysAgo(2),
    });
    expect(merged(at({ profiling: true }), at({ profiling: false }))).toEqual({ profiling: false });
  });

  it('reads a record first sent with an unreadable date and then corrected the same in both', () => {
    const list = [
      interaction('ana', 'comment', 2, { id: 'x1', at: '2026-11-20 09:00' }),
      interaction('ana', 'comment', 2, { id: 'x1' }),
    ];
    const batch = detectSuperfans(list, { now: NOW });
    const live = createCommunity();
    live.addMany(list);
    expect(batch.members.map((m) => m.memberId)).toEqual(['ana']);
    expect(batch.ignored).toMatchObject({ invalid: 1, duplicates: 0 });
    expect(live.report(NOW).members).toEqual(batch.members);
  });
});

describe('createCommunity', () => {
  it('adds one interaction at a time and reports exactly what detectSuperfans reports', () => {
    const list = randomCommunity(11, 2000, 200);
    const community = createCommunity({ halfLifeDays: 60 });
    community.setMembers(directory);
    community.addMany(list.slice(0, 1500));
    community.report(NOW);
    for (const it of list.slice(1500)) community.add(it);
    expect(community.report(NOW)).toEqual(
      detectSuperfans(list, { now: NOW, halfLifeDays: 60, members: directory }),
    );
  });

  it('updates incrementally: a new interaction changes only its member’s numbers', () => {
    const community = createCommunity(
      {},
      toCommunityState([...weeklyHelper('ana', 30), ...weeklyHelper('ben', 3)]),
    );
    const before = community.report(NOW);
    expect(
      community.add(
        interaction('ben', 'answer', 0.5, { targetMemberId: 'zed', outcome: 'thanked' }),
      ),
    ).toBe(true);
    const after = community.report(NOW);
    const ben = (r: typeof before) => r.members.find((m) => m.memberId === 'ben')!;
    expect(ben(after).subScores.helpfulness.thanked).toBe(
      ben(before).subScores.helpfulness.thanked + 1,
    );
    expect(after.members.find((m) => m.memberId === 'ana')!.subScores.depth).toEqual(
      before.members.find((m) => m.memberId === 'ana')!.subScores.depth,
    );
    expect(
      community.add(
        interaction('ben', 'answer', 0.5, { id: after.members[0]!.subScores.depth.evidence[0]! }),
      ),
    ).toBe(false);
  });

  it('gives the batch result whatever the order and batching of adds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 599 }), { minLength: 1, maxLength: 5 }),
        (seed, cuts) => {
          const list = randomCommunity(seed, 600, 60);
          const community = createCommunity();
          const reversed = [...list].reverse();
          let from = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            community.addMany(reversed.slice(from, cut));
            community.report(NOW);
            from = Math.max(from, cut);
          }
          community.addMany(reversed.slice(from));
          expect(community.report(NOW)).toEqual(detectSuperfans(list, { now: NOW }));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('shares unchanged members with the previous snapshot, so a UI re-renders only what moved', () => {
    const many = createCommunity({}, toCommunityState(randomCommunity(3, 3000, 300)));
    const r1 = many.report(NOW);
    many.add(interaction('m5', 'comment', 0.1));
    const r2 = many.report(NOW);
    const before = new Set(r1.members);
    expect(r2.members.filter((m) => before.has(m)).length).toBeGreaterThan(r2.members.length / 2);
    expect(before.has(r2.members.find((m) => m.memberId === 'm5')!)).toBe(false);
    expect(r2).toEqual(detectSuperfans(many.state().interactions, { now: NOW }));
  });

  it('uses the last report at an earlier now as previous, for hysteresis and alerts', () => {
    const community = createCommunity();
    community.addMany(
      weeklyHelper('ana', 30).map((i) => ({
        ...i,
        at: new Date(Date.parse(i.at) - 8 * 86_400_000).toISOString(),
      })),
    );
    community.addMany(
      Array.from({ length: 20 }, (_, w) => interaction('ina', 'comment', w * 7 + 1)),
    );
    community.addMany([
      interaction('ina', 'feature_request', 40),
      interaction('ina', 'feature_request', 30),
    ]);
    community.report(daysAgo(7));
    community.add(interaction('ina', 'bug_report', 2, { outcome: 'actioned' }));
    const r = community.report(NOW);
    expect(r.alerts.map((a) => `${a.kind}:${a.memberId}`)).toEqual(
      expect.arrayContaining(['rising:ina', 'first_feedback_actioned:ina']),
    );
    // Reporting again at the same now keeps the same previous, so the alerts stay.
    expect(community.report(NOW).alerts).toEqual(r.alerts);
  });

  it('throws the now RangeError for a missing or zoneless now, and changes nothing', () => {
    const c = createCommunity();
    c.add(interaction('ana', 'comment', 1));
    let notified = 0;
    c.subscribe(() => notified++);
    const report = c.report as (now?: unknown) => unknown;
    expect(() => report()).toThrow(
      new RangeError('now must be an ISO 8601 date-time or epoch ms, got undefined'),
    );
    expect(() => c.report('2026-11-22 00:00')).toThrow(/got "2026-11-22 00:00" \(no time zone/);
    expect(notified).toBe(0);
    expect(c.getSnapshot()).toBeUndefined();
    expect(c.report(NOW).members.map((m) => m.memberId)).toEqual(['ana']);
  });

  it('notifies subscribers and exposes the last report as a snapshot', () => {
    const community = createCommunity();
    const seen: number[] = [];
    const stop = community.subscribe(() => seen.push(community.getSnapshot()!.interactions));
    expect(community.getSnapshot()).toBeUndefined();
    community.add(interaction('ana', 'comment', 1));
    community.report(NOW);
    community.add(interaction('ana', 'comment', 2));
    community.report(NOW);
    stop();
    community.report(NOW);
    expect(seen).toEqual([1, 2]);
  });

  it('counts interactions after now as future, and includes them once now passes them', () => {
    const community = createCommunity();
    community.addMany([interaction('ana', 'comment', 1), interaction('ana', 'comment', -1)]);
    expect(community.report(NOW).ignored.future).toBe(1);
    expect(community.report(daysAgo(-2)).members[0]!.interactions).toBe(2);
  });
});
