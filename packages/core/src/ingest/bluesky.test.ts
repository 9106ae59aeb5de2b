import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { buildConversations } from '../model/conversations';
import search from './fixtures/bluesky-search-posts.json';
import thread from './fixtures/bluesky-post-thread.json';
import { mentionsFromBluesky } from './bluesky';

const brand = { ids: ['did:plc:kettleandpine0000000000'] };

describe('mentionsFromBluesky', () => {
  const { accepted, rejected } = mentionsFromBluesky(search, { brand });

  it('reads post views from searchPosts', () => {
    expect(accepted.length + rejected.length).toBe(search.posts.length);
    expect(accepted[0]).toEqual({
      id: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l',
      platform: 'bluesky',
      channel: 'public',
      direction: 'inbound',
      author: {
        id: 'did:plc:z72i7hdynmk6r22z27h6tvur',
        handle: '@mei-bakes.bsky.social',
        name: 'Mei Chen 🍞',
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      text: "@kettleandpine.com third day waiting for my sourdough starter kit. Tracking hasn't moved since the depot 😞",
      createdAt: '2026-10-19T08:45:12.345Z',
      conversationId: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l',
      url: 'https://bsky.app/profile/mei-bakes.bsky.social/post/3l6oveex3ii2l',
      lang: 'en',
      metrics: { likes: 7, replies: 1, reposts: 2, quotes: 0, views: 0 },
    });
  });

  it('threads the brand reply under its parent and root', () => {
    const reply = accepted[1]!;
    expect(reply.direction).toBe('outbound');
    expect(reply.author.isBrand).toBe(true);
    expect(reply.inReplyToId).toBe(accepted[0]!.id);
    expect(reply.conversationId).toBe(accepted[0]!.id);
    const [conversation] = buildConversations(accepted.slice(0, 2));
    expect(conversation!.awaitingReply).toBe(false);
  });

  it('falls back to indexedAt when the client-declared createdAt is unusable', () => {
    expect(accepted[2]!.createdAt).toBe('2026-10-19T10:00:04.000Z');
    expect(accepted[2]!.author.name).toBeUndefined();
  });

  it('rejects a post whose uri is not an at:// URI', () => {
    expect(rejected).toEqual([
      {
        index: 3,
        input: search.posts[3],
        issues: [{ path: 'uri', message: 'must be an at:// URI' }],
      },
    ]);
  });

  it('walks a thread: parents first, then replies, and says why a missing post is rejected', () => {
    const result = mentionsFromBluesky(thread);
    expect(result.accepted.map((m) => m.text)).toEqual([
      'Finally buying a proper Dutch oven 🥘',
      '@kettleandpine.com does the Dutch oven work on induction?',
      "Yes! Mine's on induction every day. Heat it slowly.",
    ]);
    expect(result.rejected.map((r) => r.issues[0]!.message)).toEqual([
      'the post was not found (deleted)',
    ]);
    const [conversation] = buildConversations(result.accepted);
    expect(conversation!.mentions).toHaveLength(3);
  });

  it('reads feeds and plain arrays, and throws on other shapes', () => {
    const feed = mentionsFromBluesky({ feed: search.posts.slice(0, 2).map((post) => ({ post })) });
    expect(feed.accepted).toHaveLength(2);
    expect(mentionsFromBluesky(search.posts.slice(0, 1)).accepted).toHaveLength(1);
    expect(() => mentionsFromBluesky('posts')).toThrow(RapportInputError);
  });

  it('reads a post someone reposted into a feed as their mention, tagged repost, beside the original', () => {
    const post = search.posts[0]!;
    const by = { did: 'did:plc:rosa', handle: 'rosa.bsky.social', displayName: 'Rosa' };
    const feed = mentionsFromBluesky(
      {
        feed: [
          { post },
          {
            post,
            reason: {
              $type: 'app.bsky.feed.defs#reasonRepost',
              by,
              indexedAt: '2026-10-19T09:00:00.000Z',
            },
          },
          {
            post,
            reason: {
              $type: 'app.bsky.feed.defs#reasonRepost',
              uri: 'at://did:plc:kettleandpine0000000000/app.bsky.feed.repost/3kx',
              by: { did: 'did:plc:kettleandpine0000000000', handle: 'kettleandpine.com' },
              indexedAt: '2026-10-19T09:30:00Z',
            },
          },
          {
            post,
            reason: { $type: 'app.bsky.feed.defs#reasonRepost', by, indexedAt: 'yesterday' },
          },
          {
            post,
            reason: { $type: 'app.bsky.feed.defs#reasonRepost', indexedAt: '2026-10-19T09:00:00Z' },
          },
        ],
      },
      { brand },
    );
    const original = feed.accepted[0]!;
    expect(feed.accepted.slice(1)).toEqual([
      expect.objectContaining({
        id: `${post.uri}#repost:did:plc:rosa`,
        direction: 'inbound',
        author: expect.objectContaining({
          id: 'did:plc:rosa',
          handle: '@rosa.bsky.social',
          name: 'Rosa',
        }),
        text: original.text,
        createdAt: '2026-10-19T09:00:00.000Z',
        conversationId: `${post.uri}#repost:did:plc:rosa`,
        tags: ['repost'],
        metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0, views: 0 },
      }),
      expect.objectContaining({
        id: 'at://did:plc:kettleandpine0000000000/app.bsky.feed.repost/3kx',
        direction: 'outbound',
        tags: ['repost'],
      }),
    ]);
    expect(original.tags).toBeUndefined();
    expect(original.author.id).toBe(post.author.did);
    expect(feed.rejected.map((r) => [r.index, r.issues.map((i) => i.path)])).toEqual([
      [3, ['reason.indexedAt']],
      [4, ['reason.by']],
    ]);
  });

  it('rejects records that are not posts', () => {
    const like = {
      ...search.posts[0]!,
      record: { $type: 'app.bsky.feed.like', text: '', createdAt: '2026-10-19T08:45:12Z' },
    };
    expect(mentionsFromBluesky([like]).rejected[0]!.issues[0]!.path).toBe('record.$type');
  });

  it('rejects the hole of a sparse array of posts or feed items at its index', () => {
    for (const input of [
      withHole(search.posts[0], search.posts[1]),
      { posts: withHole(search.posts[0], search.posts[1]) },
      { feed: withHole({ post: search.posts[0] }, { post: search.posts[1] }) },
    ]) {
      const { accepted, rejected } = mentionsFromBluesky(input);
      expect(accepted).toHaveLength(2);
      expect(rejected.map((r) => [r.index, r.input])).toEqual([[1, undefined]]);
    }
  });

  it('rejects a reply listed twice in a thread as a copy of it would be', () => {
    const reply = { post: postAt(1) };
    const gone = { notFound: true };
    const same = mentionsFromBluesky({
      thread: { post: postAt(0), replies: [reply, reply, gone, gone] },
    });
    const copy = mentionsFromBluesky({
      thread: { post: postAt(0), replies: [reply, structuredClone(reply), gone, { ...gone }] },
    });
    expect(same).toEqual(copy);
    expect(same.accepted.map((m) => m.text)).toEqual(['reply 0', 'reply 1']);
    expect(same.rejected.map((r) => [r.index, r.issues[0]!.message])).toEqual([
      [2, 'duplicate of the record at index 1; counted once'],
      [3, 'the post was not found (deleted)'],
      [4, 'the post was not found (deleted)'],
    ]);
  });

  it('rejects holes in thread replies at their index, and stops at a reply loop', () => {
    const root: Record<string, unknown> = { post: postAt(0) };
    const child = { post: postAt(1), replies: [root] };
    root.replies = withHole(child, undefined);
    const { accepted, rejected } = mentionsFromBluesky({ thread: root });
    expect(accepted.map((m) => m.text)).toEqual(['reply 0', 'reply 1']);
    expect(rejected.map((r) => [r.index, r.issues[0]!.message])).toEqual([
      [2, 'not a thread view post (no post)'],
      [3, 'not a thread view post (no post)'],
      [4, 'duplicate of the record at index 0; counted once'],
    ]);
  });

  it('walks a deep reply chain without recursion', () => {
    let node: Record<string, unknown> = { post: postAt(0) };
    const root = node;
    for (let depth = 1; depth < 2_000; depth++) {
      const child = { post: postAt(depth) };
      node.replies = [child];
      node = child;
    }
    expect(mentionsFromBluesky({ thread: root }).accepted).toHaveLength(2_000);
  });

  it('accounts for every post of a thread deeper than it reads: beyond 10,000 each is rejected, none left out', () => {
    const deep = 10_005;
    let down: Record<string, unknown> = { post: postAt(0) };
    const root = down;
    for (let depth = 1; depth < deep; depth++) {
      const child = { post: postAt(depth) };
      down.replies = [child];
      down = child;
    }
    const replies = mentionsFromBluesky({ thread: root });
    expect(replies.accepted.length + replies.rejected.length).toBe(deep);
    expect(replies.rejected[0]!.issues[0]!.message).toMatch(/deeper than 10000 replies/);
    let up: Record<string, unknown> = { post: postAt(-1) };
    const leaf = up;
    for (let depth = 2; depth <= deep; depth++) {
      const parent = { post: postAt(-depth) };
      up.parent = parent;
      up = parent;
    }
    const parents = mentionsFromBluesky({ thread: leaf });
    expect(parents.accepted.length + parents.rejected.length).toBe(deep);
    expect(parents.rejected).toHaveLength(4);
    expect(parents.rejected[0]!.issues[0]!.message).toMatch(/more than 10000 parents up/);
  });

  it("puts a link facet's full URL in place of the shortened text the app wrote", () => {
    const text = 'Day 3 🍞 tracking: track.example/KP-5512... still stuck';
    const bytes = new TextEncoder().encode(text);
    const start = bytes.indexOf('t'.charCodeAt(0), new TextEncoder().encode('Day 3 🍞 ').length);
    const shortened = new TextEncoder().encode('track.example/KP-5512...').length;
    const post = {
      ...postAt(1),
      record: {
        text,
        createdAt: '2026-10-19T08:45:12Z',
        facets: [
          {
            index: {
              byteStart: start + 'tracking: '.length,
              byteEnd: start + 'tracking: '.length + shortened,
            },
            features: [
              {
                $type: 'app.bsky.richtext.facet#link',
                uri: 'https://track.example/KP-551204?ref=bsky',
              },
            ],
          },
          // Malformed, overlapping or non-http facets are left as written.
          { index: { byteStart: 'x' }, features: [] },
          {
            index: { byteStart: 0, byteEnd: 3 },
            features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }],
          },
        ],
      },
    };
    expect(mentionsFromBluesky([post]).accepted[0]!.text).toBe(
      'Day 3 🍞 tracking: https://track.example/KP-551204?ref=bsky still stuck',
    );
    expect(
      mentionsFromBluesky([{ ...post, record: { ...post.record, facets: 'junk' } }]).accepted[0]!
        .text,
    ).toBe(text);
  });
});

function postAt(n: number) {
  return {
    uri: `at://did:plc:deep/app.bsky.feed.post/${n}`,
    author: { did: 'did:plc:deep', handle: 'deep.bsky.social' },
    record: { text: `reply ${n}`, createdAt: '2026-10-19T08:45:12Z' },
  };
}

/** `[first, <hole>, last]`: a sparse array, as `[first, , last]` or filling only indexes 0 and 2 make. */
function withHole(first: unknown, last: unknown): unknown[] {
  const list: unknown[] = [first];
  list[2] = last;
  return list;
}
