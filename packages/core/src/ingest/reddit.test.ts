import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { buildConversations } from '../model/conversations';
import page from './fixtures/reddit-comments.json';
import { mentionsFromReddit } from './reddit';

const brand = { handles: ['u/KettleAndPine'] };

describe('mentionsFromReddit', () => {
  const { accepted, rejected } = mentionsFromReddit(page, { brand });
  const byId = new Map(accepted.map((m) => [m.id, m]));

  it('reads the post and its comment tree, parents before replies', () => {
    expect(accepted.map((m) => m.id)).toEqual([
      't3_1g5abcd',
      't1_lsa0001',
      't1_lsa0002',
      't1_lsa0003',
      't1_lsa0008',
    ]);
    expect(accepted.length + rejected.length).toBe(7);
  });

  it('reads a post: title then self text, fullname id, permalink, counts', () => {
    expect(byId.get('t3_1g5abcd')).toEqual({
      id: 't3_1g5abcd',
      platform: 'reddit',
      channel: 'public',
      direction: 'inbound',
      author: {
        id: 't2_8xk2m1q',
        handle: 'u/teabag_tina',
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      text: 'Parcel marked delivered but never arrived?\n\nOrdered on the 12th, tracking says "delivered" but nothing here. Support chat keeps timing out. Anyone had this & got it sorted?',
      createdAt: '2026-10-18T10:00:00.000Z',
      conversationId: 't3_1g5abcd',
      url: 'https://www.reddit.com/r/KettleAndPine/comments/1g5abcd/parcel_marked_delivered_but_never_arrived/',
      metrics: { likes: 57, replies: 4, reposts: 1, quotes: 0, views: 0 },
    });
  });

  it('links comments by parent_id and link_id, and reads the brand account as outbound', () => {
    const brandReply = byId.get('t1_lsa0001')!;
    expect(brandReply).toMatchObject({
      direction: 'outbound',
      inReplyToId: 't3_1g5abcd',
      conversationId: 't3_1g5abcd',
    });
    expect(brandReply.author.isBrand).toBe(true);
    expect(byId.get('t1_lsa0002')!.inReplyToId).toBe('t1_lsa0001');
    expect(byId.get('t1_lsa0003')!.text).toContain('within 2 days > worth asking');
    const [thread] = buildConversations(accepted);
    expect(thread!.mentions).toHaveLength(5);
  });

  it('counts a negative score as zero likes', () => {
    expect(byId.get('t1_lsa0008')!.metrics!.likes).toBe(0);
  });

  it('rejects removed comments and "more" placeholders with reasons', () => {
    expect(rejected.map((r) => [r.index, r.issues[0]!.message])).toEqual([
      [4, 'was deleted or removed on Reddit'],
      [
        5,
        'a "more" placeholder for 3 comments Reddit did not send; fetch them with /api/morechildren',
      ],
    ]);
  });

  it('keeps deleted accounts apart, and rejects every removed-body placeholder', () => {
    const comment = (name: string, body: string, author = '[deleted]') => ({
      kind: 't1',
      data: { name, author, body, created_utc: 1792318800, parent_id: 't3_p1', link_id: 't3_p1' },
    });
    const r = mentionsFromReddit([
      comment('t1_a', 'my kettle leaks'),
      comment('t1_b', 'love the pan'),
      comment('t1_c', '[ Removed by Reddit ]', 'someone'),
      comment('t1_d', '[removed by moderator]', 'someone'),
    ]);
    expect(r.accepted.map((m) => [m.author.id, m.author.handle])).toEqual([
      ['deleted:t1_a', '[deleted]'],
      ['deleted:t1_b', '[deleted]'],
    ]);
    expect(r.rejected.map((x) => x.index)).toEqual([2, 3]);
  });

  it('reads a single Listing and an array of things; throws on other shapes', () => {
    expect(mentionsFromReddit(page[0]).accepted).toHaveLength(1);
    expect(mentionsFromReddit(page[1]!.data.children).accepted).toHaveLength(4);
    expect(() => mentionsFromReddit({ kind: 't3' })).toThrow(RapportInputError);
  });

  it('rejects things of other kinds and bad fields', () => {
    const { rejected: bad } = mentionsFromReddit([
      { kind: 't5', data: { name: 't5_abc' } },
      { kind: 't1', data: { name: 't1_x', author: 'a', body: 'b', created_utc: 'yesterday' } },
      { kind: 't1', data: { name: 'nope', author: 'a', body: 'b', created_utc: 1 } },
      'not a thing',
    ]);
    expect(bad.map((r) => r.issues[0]!.path)).toEqual(['kind', 'created_utc', 'name', '(record)']);
  });

  it('reads inbox messages as private, threaded by the first message', () => {
    const inbox = {
      kind: 'Listing',
      data: {
        after: null,
        children: [
          {
            kind: 't4',
            data: {
              name: 't4_2a1b3c',
              author: 'teabag_tina',
              author_fullname: 't2_8xk2m1q',
              subject: 'Order KP-551204',
              body: 'Hi, my order says delivered but it never came. Can you help?',
              created_utc: 1792323000,
              parent_id: null,
              first_message_name: null,
              dest: 'KettleAndPine',
              was_comment: false,
            },
          },
          {
            kind: 't4',
            data: {
              name: 't4_2a1b3d',
              author: 'KettleAndPine',
              author_fullname: 't2_kpofficial',
              subject: 're: Order KP-551204',
              body: 'Sorry Tina! A replacement is on its way by express.',
              created_utc: 1792324800,
              parent_id: 't4_2a1b3c',
              first_message_name: 't4_2a1b3c',
              dest: 'teabag_tina',
              was_comment: false,
            },
          },
        ],
      },
    };
    const { accepted, rejected } = mentionsFromReddit(inbox, { brand });
    expect(rejected).toEqual([]);
    expect(
      accepted.map((m) => [m.channel, m.direction, m.conversationId, m.inReplyToId, m.metrics]),
    ).toEqual([
      ['private', 'inbound', 't4_2a1b3c', undefined, undefined],
      ['private', 'outbound', 't4_2a1b3c', 't4_2a1b3c', undefined],
    ]);
    expect(accepted[0]!.text).toBe(
      'Order KP-551204\n\nHi, my order says delivered but it never came. Can you help?',
    );
    expect(accepted[1]!.text).toBe('Sorry Tina! A replacement is on its way by express.');
  });

  it('rejects the same thing object listed twice as a duplicate, as a copy of it would be', () => {
    const c = redditComment('t1_a');
    const same = mentionsFromReddit([c, c]);
    expect(same.accepted).toHaveLength(1);
    expect(same.rejected).toEqual([
      {
        index: 1,
        input: c,
        issues: [{ path: 'id', message: 'duplicate of the record at index 0; counted once' }],
      },
    ]);
    expect(same).toEqual(mentionsFromReddit([c, structuredClone(c)]));
  });

  it('reads a Listing or a comment with replies listed twice as a copy of it would be read', () => {
    const reply = redditComment('t1_b');
    const parent = redditComment('t1_a', { kind: 'Listing', data: { children: [reply] } });
    const listing = { kind: 'Listing', data: { children: [parent, redditComment('t1_c')] } };
    const same = mentionsFromReddit([listing, listing]);
    expect(same.accepted.map((m) => m.id)).toEqual(['t1_a', 't1_b', 't1_c']);
    expect(same.rejected.map((r) => r.index)).toEqual([3, 4, 5]);
    expect(same).toEqual(mentionsFromReddit([listing, structuredClone(listing)]));
  });

  it('rejects the hole of a sparse array of things at its index', () => {
    const things: unknown[] = [redditComment('t1_a')];
    things[2] = redditComment('t1_c');
    const { accepted, rejected } = mentionsFromReddit(things);
    expect(accepted.map((m) => m.id)).toEqual(['t1_a', 't1_c']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: undefined,
        issues: [{ path: '(record)', message: 'is not a Reddit thing ({ kind, data })' }],
      },
    ]);
  });

  it('stops at a comment among its own replies or a Listing inside itself, with a reason', () => {
    const replies = { kind: 'Listing', data: { children: [] as unknown[] } };
    const looping = redditComment('t1_a', replies);
    replies.data.children.push(looping, replies, redditComment('t1_b'));
    const { accepted, rejected } = mentionsFromReddit([looping]);
    expect(accepted.map((m) => m.id)).toEqual(['t1_a', 't1_b']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: looping,
        issues: [
          { path: '(record)', message: 'is among its own replies (a loop); read once, at index 0' },
        ],
      },
    ]);
  });

  it('walks very deep comment trees without recursion', () => {
    let replies: unknown = '';
    for (let depth = 3_000; depth > 0; depth--) {
      const comment = {
        kind: 't1',
        data: {
          name: `t1_d${depth}`,
          author: 'deep',
          body: `reply ${depth}`,
          created_utc: 1_792_317_600 + depth,
          parent_id: `t1_d${depth - 1}`,
          replies,
        },
      };
      replies = { kind: 'Listing', data: { children: [comment] } };
    }
    expect(mentionsFromReddit(replies).accepted).toHaveLength(3_000);
  });
});

function redditComment(name: string, replies: unknown = '') {
  return {
    kind: 't1',
    data: {
      name,
      id: name.slice(3),
      author: 'dana',
      author_fullname: 't2_dana',
      body: 'where is my order?',
      created_utc: 1_795_000_000,
      parent_id: 't3_p',
      link_id: 't3_p',
      score: 1,
      permalink: `/r/kp/comments/p/x/${name.slice(3)}/`,
      replies,
    },
  };
}
