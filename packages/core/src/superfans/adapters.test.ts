import { describe, expect, it } from 'vitest';
import type { Author, Mention } from '../model/schemas';
import {
  identityResolver,
  interactionsFromMentions,
  interactionsFromStackExchange,
  looksLikeQuestion,
  looksLikeThanks,
  mergeIdentities,
  mergeMemberIdentities,
} from './adapters';
import { detectSuperfans } from './detect';
import { NOW, interaction } from './test-helpers';

function author(id: string, extra: Partial<Author> = {}): Author {
  return {
    id,
    handle: id,
    followers: 0,
    verified: false,
    isStaff: false,
    isBrand: false,
    isBot: false,
    ...extra,
  };
}
function mention(id: string, who: Author, text: string, extra: Partial<Mention> = {}): Mention {
  return {
    id,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: who,
    text,
    createdAt: `2026-11-20T10:0${id.length % 10}:00Z`,
    ...extra,
  };
}

describe('interactionsFromMentions', () => {
  const ben = author('ben', { followers: 40 });
  const cat = author('cat');
  const brand = author('kettle', { isBrand: true, followers: 90_000 });
  const mentions: Mention[] = [
    mention('q1', cat, 'Does the kettle work on 110V?'),
    mention('a1', ben, 'Yes, mine does in Boston.', { inReplyToId: 'q1' }),
    mention('t1', cat, 'Thanks Ben! 🙏', { inReplyToId: 'a1' }),
    mention('b1', brand, 'Yes it does!', { inReplyToId: 'q1', direction: 'outbound' }),
    mention('s1', cat, 'Also, can I add a question to my own thread?', { inReplyToId: 'q1' }),
    mention('f1', ben, 'Please add a timer', { tags: ['feature_request'] }),
    mention('m1', ben, 'Love my kettle'),
    mention('c1', cat, 'Mine too', { inReplyToId: 'm1' }),
  ];
  const { interactions, members, skipped } = interactionsFromMentions(mentions);
  const byId = new Map(interactions.map((i) => [i.id, i]));

  it('makes a customer replying to another customer’s question help, thanked when the asker thanks them', () => {
    expect(byId.get('a1')).toMatchObject({
      type: 'answer',
      memberId: 'ben',
      targetMemberId: 'cat',
      outcome: 'thanked',
      threadId: 'q1',
    });
    expect(byId.get('q1')!.type).toBe('question');
  });

  it('does not count "me too" as help, nor "thanks for nothing" as thanks', () => {
    const dan = author('dan');
    const eve = author('eve');
    const thread = interactionsFromMentions([
      mention('q', cat, 'My order never arrived, anyone else?'),
      mention('r1', dan, 'Me too am suffering, hope they can find a solution', {
        inReplyToId: 'q',
      }),
      mention('r2', eve, 'Same here. Any update?', { inReplyToId: 'q' }),
      mention('r3', ben, 'Check the tracking page, mine was at the depot', { inReplyToId: 'q' }),
      mention('r4', cat, 'Thanks for nothing, still no parcel', { inReplyToId: 'r3' }),
      mention('r5', dan, 'Is anyone at @kettle even reading this?', { inReplyToId: 'q' }),
      mention('r6', cat, 'thanks for nothing @kettle', { inReplyToId: 'r5' }),
    ]).interactions;
    const type = new Map(thread.map((i) => [i.id, i]));
    expect(type.get('r1')).toMatchObject({ type: 'comment', targetMemberId: 'cat' });
    expect(type.get('r2')).toMatchObject({ type: 'comment', targetMemberId: 'cat' });
    expect(type.get('r3')).toMatchObject({ type: 'answer', targetMemberId: 'cat' });
    expect(type.get('r3')!.outcome).toBeUndefined();
    // A short (sarcastic) thank-you under another customer's question answers nothing.
    expect(type.get('r6')).toMatchObject({ type: 'comment', targetMemberId: 'dan' });
    for (const text of [
      'no thanks',
      "Thanks, but it still doesn't work",
      'thanks a lot for nothing',
    ])
      expect(looksLikeThanks(text), text).toBe(false);
    for (const text of ['Thanks Ben! 🙏', 'thank you, that fixed it', 'cheers mate'])
      expect(looksLikeThanks(text), text).toBe(true);
  });

  it('treats other replies as comments, tags as types and plain posts as mentions', () => {
    expect(byId.get('s1')).toMatchObject({ type: 'comment' });
    expect(byId.get('s1')!.targetMemberId).toBeUndefined();
    expect(byId.get('t1')).toMatchObject({ type: 'comment', targetMemberId: 'ben' });
    expect(byId.get('f1')!.type).toBe('feature_request');
    expect(byId.get('m1')!.type).toBe('mention');
    expect(byId.get('c1')).toMatchObject({ type: 'comment', targetMemberId: 'ben' });
  });

  it('skips brand replies with a reason and lists members with their kind and followers', () => {
    expect(skipped).toEqual([
      { source: 'mention', id: 'b1', reason: 'written by the brand (outbound)' },
    ]);
    expect(interactions.length + skipped.length).toBe(mentions.length);
    expect(members.find((m) => m.id === 'kettle')).toMatchObject({
      kind: 'brand',
      followers: 90_000,
    });
    expect(members.find((m) => m.id === 'ben')).toMatchObject({ kind: 'customer', followers: 40 });
  });

  it('feeds detectSuperfans directly', () => {
    const r = detectSuperfans(interactions, { now: NOW, members });
    expect(r.members.find((m) => m.memberId === 'ben')!.subScores.helpfulness).toMatchObject({
      peopleHelped: 1,
      thanked: 1,
    });
    expect(r.members.map((m) => m.memberId)).not.toContain('kettle');
  });

  it('keeps the same id on two platforms apart: both counted, replies linked on their own platform', () => {
    const dan = author('dan');
    const eve = author('eve');
    const onMastodon = { platform: 'mastodon' as const };
    const both = interactionsFromMentions([
      mention('q1', cat, 'Does the kettle work on 110V?'),
      mention('a1', ben, 'Yes, mine does.', { inReplyToId: 'q1' }),
      mention('q1', dan, 'Love my kettle', onMastodon),
      mention('a1', eve, 'Me too', { inReplyToId: 'q1', ...onMastodon }),
      mention('z9', eve, 'Same here', { inReplyToId: 'q1', ...onMastodon }),
    ]);
    expect(both.skipped).toEqual([]);
    const got = new Map(both.interactions.map((i) => [i.id, i]));
    expect([...got.keys()]).toEqual(['x:q1', 'x:a1', 'mastodon:q1', 'mastodon:a1', 'z9']);
    expect(got.get('x:a1')).toMatchObject({
      type: 'answer',
      targetMemberId: 'cat',
      threadId: 'x:q1',
    });
    expect(got.get('mastodon:a1')).toMatchObject({
      type: 'comment',
      targetMemberId: 'dan',
      threadId: 'mastodon:q1',
    });
    expect(got.get('z9')).toMatchObject({ targetMemberId: 'dan', threadId: 'mastodon:q1' });
    // A real repeat on one platform is still counted once, with a reason.
    const repeated = interactionsFromMentions([
      mention('q1', cat, 'Does it work?'),
      mention('q1', cat, 'Does it work?'),
    ]);
    expect(repeated.skipped).toEqual([
      { source: 'mention', id: 'q1', reason: 'duplicate id; counted once' },
    ]);
  });

  it('gives each member their latest consent, so an objection keeps them out of the ranking', () => {
    const dee = (consent: Author['consent']) => author('dee', { name: 'Dee', consent });
    const batch = interactionsFromMentions([
      mention('q1', cat, 'Does it work on 110V?'),
      mention('a1', dee({ profiling: true, recordedAt: '2026-11-01T00:00:00Z' }), 'Yes', {
        inReplyToId: 'q1',
      }),
      mention(
        'm1',
        dee({ profiling: false, recordedAt: '2026-11-15T00:00:00Z' }),
        'Stop profiling me',
      ),
      mention('m2', author('dee', { name: 'Dee' }), 'No consent facts on this one'),
    ]);
    expect(batch.members.find((m) => m.id === 'dee')!.consent).toEqual({
      profiling: false,
      recordedAt: '2026-11-15T00:00:00Z',
    });
    const r = detectSuperfans(batch.interactions, { now: NOW, members: batch.members });
    expect(r.members.map((m) => m.memberId)).toEqual(['cat']);
    expect(r.membersWithoutConsent).toBe(1);
  });

  it('reads questions in other scripts and bounds the scan on huge text', () => {
    expect(looksLikeQuestion('هل يعمل؟')).toBe(true);
    expect(looksLikeQuestion('使えますか？')).toBe(true);
    expect(looksLikeQuestion(`${'a'.repeat(5_000_000)}?`)).toBe(false);
  });
});

describe('interactionsFromStackExchange', () => {
  const data = {
    posts: [
      {
        id: 1,
        postTypeId: 1,
        ownerUserId: 10,
        creationDate: '2020-01-01T10:00:00.000',
        acceptedAnswerId: 2,
      },
      {
        id: 2,
        postTypeId: 2,
        ownerUserId: 20,
        parentId: 1,
        creationDate: '2020-01-01T11:00:00.000',
      },
      {
        id: 3,
        postTypeId: 2,
        ownerUserId: 30,
        parentId: 1,
        creationDate: '2020-01-01T12:00:00.000',
      },
      {
        id: 4,
        postTypeId: 2,
        ownerUserId: 10,
        parentId: 1,
        creationDate: '2020-01-01T13:00:00.000',
      },
      {
        id: 5,
        postTypeId: 2,
        ownerUserId: null,
        parentId: 1,
        creationDate: '2020-01-01T13:00:00.000',
      },
      { id: 6, postTypeId: 4, ownerUserId: 10, creationDate: '2020-01-01T13:00:00.000' },
    ],
    comments: [
      {
        id: 100,
        postId: 3,
        userId: 10,
        creationDate: '2020-01-02T10:00:00.000',
        text: 'Thank you, that source helps',
      },
      {
        id: 101,
        postId: 1,
        userId: 30,
        creationDate: '2020-01-02T11:00:00.000',
        text: 'Which century?',
      },
    ],
    votes: [
      { id: 1000, postId: 2, voteTypeId: 2, creationDate: '2020-01-03T00:00:00.000' },
      { id: 1001, postId: 2, voteTypeId: 5, userId: 30, creationDate: '2020-01-03T00:00:00.000' },
    ],
    users: [
      { id: -1, displayName: 'Community' },
      { id: 10, displayName: 'Asker' },
    ],
  };
  const { interactions, members, skipped } = interactionsFromStackExchange(data, {
    siteUrl: 'https://history.stackexchange.com/',
  });
  const byId = new Map(interactions.map((i) => [i.id, i]));

  it('maps questions, answers (accepted, thanked), comments and attributable votes', () => {
    expect(byId.get('post:1')).toMatchObject({
      type: 'question',
      memberId: '10',
      at: '2020-01-01T10:00:00.000Z',
      url: 'https://history.stackexchange.com/q/1',
    });
    expect(byId.get('post:2')).toMatchObject({
      type: 'answer',
      memberId: '20',
      targetMemberId: '10',
      outcome: 'accepted',
      threadId: 'post:1',
    });
    expect(byId.get('post:3')).toMatchObject({
      type: 'answer',
      targetMemberId: '10',
      outcome: 'thanked',
    });
    expect(byId.get('post:4')).toMatchObject({
      type: 'answer',
      memberId: '10',
      targetMemberId: '10',
    });
    expect(byId.get('comment:101')).toMatchObject({
      type: 'comment',
      memberId: '30',
      targetMemberId: '10',
      threadId: 'post:1',
    });
    expect(byId.get('vote:1001')).toMatchObject({ type: 'follow', memberId: '30' });
  });

  it('skips what it cannot credit, with reasons, and flags the Community bot', () => {
    expect(skipped.map((s) => `${s.source}:${s.id}:${s.reason}`)).toEqual([
      'post:5:no owner (deleted user)',
      'post:6:post type 4 is not a question or an answer',
      'vote:1000:anonymous vote: no voter to credit',
    ]);
    expect(interactions.length + skipped.length).toBe(
      data.posts.length + data.comments.length + data.votes.length,
    );
    expect(members.find((m) => m.id === '-1')!.kind).toBe('bot');
  });

  it('does not count answering one’s own question as help', () => {
    const r = detectSuperfans(interactions, { now: '2020-02-01T00:00:00Z', members });
    expect(r.members.find((m) => m.memberId === '10')!.subScores.helpfulness.answers).toBe(0);
    expect(r.members.find((m) => m.memberId === '20')!.subScores.helpfulness.accepted).toBe(1);
  });
});

describe('identity', () => {
  it('merges handles across platforms by declared links, following chains', () => {
    const canonical = identityResolver([
      { memberId: 'forum:ana', aliases: ['x:ana'] },
      { memberId: 'crm:42', aliases: ['forum:ana', 'ig:ana.b'] },
    ]);
    expect(['x:ana', 'forum:ana', 'ig:ana.b', 'crm:42'].map(canonical)).toEqual([
      'crm:42',
      'crm:42',
      'crm:42',
      'crm:42',
    ]);
    expect(canonical('someone')).toBe('someone');
  });

  it('rewrites members and targets, so help to one’s own other handle is not help', () => {
    const list = [
      interaction('x:ana', 'answer', 1, { targetMemberId: 'forum:ana' }),
      interaction('x:ana', 'answer', 2, { targetMemberId: 'ben' }),
      interaction('ben', 'like', 2),
    ];
    const merged = mergeIdentities(list, [{ memberId: 'crm:42', aliases: ['x:ana', 'forum:ana'] }]);
    expect(merged.map((i) => [i.memberId, i.targetMemberId])).toEqual([
      ['crm:42', 'crm:42'],
      ['crm:42', 'ben'],
      ['ben', undefined],
    ]);
    expect(merged[2]).toBe(list[2]);
    const r = detectSuperfans(merged, { now: NOW });
    expect(r.members.find((m) => m.memberId === 'crm:42')!.subScores.helpfulness.peopleHelped).toBe(
      1,
    );
  });

  it('merges the member directory by the same links, so an objection on one handle holds for the person', () => {
    const links = [{ memberId: 'crm:42', aliases: ['x:ana', 'forum:ana'] }];
    const list = [interaction('x:ana', 'comment', 1), interaction('forum:ana', 'comment', 2)];
    const members = [
      { id: 'crm:42', name: 'Ana Silva', followers: 10 },
      { id: 'x:ana', followers: 900, consent: { profiling: false } },
      { id: 'forum:ana', kind: 'staff' as const, consent: { profiling: true } },
      { id: 'ben', name: 'Ben' },
    ];
    expect(mergeMemberIdentities(members, links)).toEqual([
      {
        id: 'crm:42',
        name: 'Ana Silva',
        followers: 900,
        kind: 'staff',
        consent: { profiling: false },
      },
      { id: 'ben', name: 'Ben' },
    ]);
    // Her objection on X keeps all of her out, once the directory follows the links.
    const r = detectSuperfans(mergeIdentities(list, links), {
      now: NOW,
      members: mergeMemberIdentities([{ id: 'x:ana', consent: { profiling: false } }], links),
    });
    expect(r.members).toEqual([]);
    expect(r.membersWithoutConsent).toBe(1);
  });
});
