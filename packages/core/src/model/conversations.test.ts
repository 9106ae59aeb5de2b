import { describe, expect, it } from 'vitest';
import {
  buildConversations,
  compareMentions,
  orderMentions,
  speakerOf,
  summarizeConversation,
  threadKeys,
} from './conversations';
import type { Author, Mention } from './schemas';

const customer: Author = {
  id: 'c1',
  handle: '@dana',
  followers: 120,
  verified: false,
  isStaff: false,
  isBrand: false,
  isBot: false,
};
const other: Author = { ...customer, id: 'c2', handle: '@sam' };
const agent: Author = { ...customer, id: 'brand', handle: '@kettleandpine', isBrand: true };
const bot: Author = { ...agent, id: 'brand-bot', isBot: true };
const remindMeBot: Author = { ...customer, id: 'remindme', handle: '@RemindMeBot', isBot: true };

let clock = Date.parse('2026-11-20T09:00:00Z');
function mention(id: string, over: Partial<Mention> = {}): Mention {
  clock += 60_000;
  return {
    id,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: customer,
    text: `message ${id}`,
    createdAt: new Date(clock).toISOString(),
    ...over,
  };
}
const reply = (id: string, parent: string, over: Partial<Mention> = {}) =>
  mention(id, { inReplyToId: parent, ...over });
const fromBrand = { direction: 'outbound' as const, author: agent };
const fromBot = { direction: 'outbound' as const, author: bot };

const ids = (conversations: ReturnType<typeof buildConversations>) =>
  conversations.map((c) => [c.id, c.mentions.map((m) => m.id)]);

describe('buildConversations', () => {
  it('threads by reply links, oldest first, and puts every mention in exactly one thread', () => {
    const a = mention('a');
    const b = mention('b', { author: other });
    const a1 = reply('a1', 'a', fromBrand);
    const a2 = reply('a2', 'a1');
    const b1 = reply('b1', 'b', fromBrand);
    const conversations = buildConversations([a2, b1, a1, b, a]);
    expect(ids(conversations)).toEqual([
      ['a', ['a', 'a1', 'a2']],
      ['b', ['b', 'b1']],
    ]);
  });

  it('says who spoke last and whether the customer is waiting', () => {
    const [open] = buildConversations([
      mention('q'),
      reply('q1', 'q', fromBrand),
      reply('q2', 'q1'),
    ]);
    expect(open).toMatchObject({
      customer,
      lastSpeaker: 'customer',
      awaitingReply: true,
      startedAt: open!.mentions[0]!.createdAt,
      lastActivityAt: open!.mentions[2]!.createdAt,
      lastInboundAt: open!.mentions[2]!.createdAt,
      lastHumanReplyAt: open!.mentions[1]!.createdAt,
    });
    const [answered] = buildConversations([mention('r'), reply('r1', 'r', fromBrand)]);
    expect(answered).toMatchObject({ lastSpeaker: 'brand', awaitingReply: false });
  });

  it('does not count a bot reply as answering the customer', () => {
    const [conversation] = buildConversations([mention('s'), reply('s1', 's', fromBot)]);
    expect(conversation!.lastSpeaker).toBe('automation');
    expect(conversation!.awaitingReply).toBe(true);
    expect(conversation!.lastHumanReplyAt).toBeUndefined();
    // A person's answer after the bot does answer.
    const [later] = buildConversations([
      mention('t'),
      reply('t1', 't', fromBot),
      reply('t2', 't1', fromBrand),
    ]);
    expect(later!.awaitingReply).toBe(false);
  });

  it('threads by conversationId when given, even without reply links', () => {
    const conversations = buildConversations([
      mention('x1', { conversationId: 'conv' }),
      mention('x2', { conversationId: 'conv', ...fromBrand }),
      mention('x3'),
    ]);
    expect(ids(conversations)).toEqual([
      ['conv', ['x1', 'x2']],
      ['x3', ['x3']],
    ]);
  });

  it('joins replies that reach a conversationId through their parents', () => {
    const root = mention('root', { conversationId: 'root' });
    const conversations = buildConversations([
      root,
      reply('r1', 'root'),
      reply('r2', 'r1', fromBrand),
    ]);
    expect(ids(conversations)).toEqual([['root', ['root', 'r1', 'r2']]]);
  });

  it('keeps replies to the same missing parent together, under the parent id', () => {
    const conversations = buildConversations([
      reply('m1', 'gone'),
      reply('m2', 'gone', { author: other }),
      reply('m3', 'm2', fromBrand),
    ]);
    expect(ids(conversations)).toEqual([['gone', ['m1', 'm2', 'm3']]]);
  });

  it('breaks reply cycles instead of looping', () => {
    const first = mention('p', { inReplyToId: 'q' });
    const second = mention('q', { inReplyToId: 'p' });
    const self = mention('s', { inReplyToId: 's' });
    const conversations = buildConversations([first, second, self]);
    expect(conversations.flatMap((c) => c.mentions.map((m) => m.id)).sort()).toEqual([
      'p',
      'q',
      's',
    ]);
    expect(conversations).toHaveLength(2);
  });

  it('walks a long reply chain in linear time without recursion', () => {
    const chain = [mention('c0')];
    for (let i = 1; i < 20_000; i++)
      chain.push(reply(`c${i}`, `c${i - 1}`, i % 2 ? fromBrand : {}));
    const conversations = buildConversations(chain.reverse());
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.mentions).toHaveLength(20_000);
  });

  it('takes the first inbound author as the customer even when the brand opened', () => {
    const [conversation] = buildConversations([
      mention('o', fromBrand),
      reply('o1', 'o', { author: other }),
    ]);
    expect(conversation!.customer).toEqual(other);
  });

  it('returns no conversations for no mentions', () => {
    expect(buildConversations([])).toEqual([]);
  });
});

describe('threadKeys', () => {
  it('maps every mention to its thread key', () => {
    const keys = threadKeys([mention('k'), reply('k1', 'k'), reply('k2', 'missing')]);
    expect(Object.fromEntries(keys)).toEqual({ k: 'k', k1: 'k', k2: 'missing' });
  });
});

describe('summarizeConversation', () => {
  it('refuses an empty conversation', () => {
    expect(() => summarizeConversation('empty', [])).toThrow(RangeError);
  });
});

describe('speakerOf and compareMentions', () => {
  it('tells customers, people at the brand and automation apart', () => {
    expect(speakerOf(mention('1'))).toBe('customer');
    expect(speakerOf(mention('2', fromBrand))).toBe('brand');
    expect(speakerOf(mention('3', fromBot))).toBe('automation');
  });

  it('orders by time, then id', () => {
    const at = '2026-11-20T09:00:00Z';
    const sorted = [
      mention('b', { createdAt: at }),
      mention('a', { createdAt: at }),
      mention('c', { createdAt: '2026-11-20T08:00:00Z' }),
    ].sort(compareMentions);
    expect(sorted.map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('a reply stamped with the same time as the message it answers', () => {
  const at = '2026-11-22T09:00:00Z';

  it('comes after it, so the conversation shows as answered ("msg-10" < "msg-9" as text)', () => {
    const question = mention('msg-9', { createdAt: at });
    const answer = reply('msg-10', 'msg-9', { ...fromBrand, createdAt: at });
    for (const input of [
      [question, answer],
      [answer, question],
    ]) {
      const [conversation] = buildConversations(input);
      expect(conversation!.mentions.map((m) => m.id)).toEqual(['msg-9', 'msg-10']);
      expect(conversation).toMatchObject({
        customer,
        lastSpeaker: 'brand',
        awaitingReply: false,
        startedAt: at,
        lastActivityAt: at,
      });
    }
  });

  it('orders a whole same-time chain parent first, in any input order, and ties without links by id', () => {
    const c = mention('c', { createdAt: at });
    const b = reply('b', 'c', { ...fromBrand, createdAt: at });
    const a = reply('a', 'b', { createdAt: at });
    const z = reply('z', 'c', { ...fromBrand, createdAt: at });
    const y = reply('y', 'c', { createdAt: at });
    const earlier = reply('0', 'c', { createdAt: '2026-11-22T08:59:59Z' });
    const expected = ['0', 'c', 'b', 'a', 'y', 'z'];
    for (const input of [
      [a, b, c, y, z, earlier],
      [z, y, earlier, c, b, a],
      [c, earlier, z, a, y, b],
    ])
      expect(orderMentions(input).map((m) => m.id)).toEqual(expected);
    // A customer question answered at the same second is answered; the same-time follow-up then waits.
    const [conversation] = buildConversations([a, b, c]);
    expect(conversation!.mentions.map((m) => m.id)).toEqual(['c', 'b', 'a']);
    expect(conversation!.awaitingReply).toBe(true);
  });

  it('still orders a reply cycle at one time deterministically, keeping every message', () => {
    const p = mention('p', { inReplyToId: 'q', createdAt: at });
    const q = mention('q', { inReplyToId: 'p', createdAt: at });
    expect(orderMentions([p, q]).map((m) => m.id)).toEqual(orderMentions([q, p]).map((m) => m.id));
    expect(
      orderMentions([p, q])
        .map((m) => m.id)
        .sort(),
    ).toEqual(['p', 'q']);
  });
});

describe('bots writing in', () => {
  it('do not reopen a conversation a person at the brand answered', () => {
    const [conversation] = buildConversations([
      mention('p1'),
      reply('p2', 'p1', fromBrand),
      reply('p3', 'p2', { author: remindMeBot }),
    ]);
    expect(conversation).toMatchObject({
      customer,
      lastSpeaker: 'automation',
      awaitingReply: false,
    });
    expect(conversation!.lastInboundAt).toBe(conversation!.mentions[0]!.createdAt);
  });

  it('never become the customer, and a thread only bots wrote into awaits no reply', () => {
    const [opened] = buildConversations([
      mention('b1', { author: remindMeBot }),
      reply('b2', 'b1', { author: other }),
    ]);
    expect(opened!.customer).toEqual(other);
    expect(opened!.awaitingReply).toBe(true);
    const [botOnly] = buildConversations([mention('b3', { author: remindMeBot })]);
    expect(botOnly).toMatchObject({ lastSpeaker: 'automation', awaitingReply: false });
    expect(botOnly!.lastInboundAt).toBeUndefined();
  });

  it('are automation for speakerOf', () => {
    expect(speakerOf(mention('4', { author: remindMeBot }))).toBe('automation');
  });
});

describe('the same id on different platforms', () => {
  const on = (platform: Mention['platform'], m: Mention): Mention => ({ ...m, platform });

  it('makes different conversations, named <platform>:<id> only where ids clash', () => {
    const conversations = buildConversations([
      on('x', mention('100')),
      on('mastodon', mention('100', { author: other })),
      on('mastodon', reply('101', '100', fromBrand)),
      on('x', mention('200')),
    ]);
    expect(ids(conversations)).toEqual([
      ['x:100', ['100']],
      ['mastodon:100', ['100', '101']],
      ['200', ['200']],
    ]);
    expect(conversations.map((c) => [c.platform, c.customer.id])).toEqual([
      ['x', 'c1'],
      ['mastodon', 'c2'],
      ['x', 'c1'],
    ]);
    // The customer on X is still waiting; the one on Mastodon was answered.
    expect(conversations.map((c) => c.awaitingReply)).toEqual([true, false, true]);
  });

  it('keeps conversationIds and replies to a missing parent apart per platform, in any input order', () => {
    const input = [
      on('x', mention('a', { conversationId: 'conv' })),
      on('reddit', mention('b', { conversationId: 'conv', author: other })),
      on('x', reply('c', 'gone')),
      on('reddit', reply('d', 'gone', { author: other })),
    ];
    const expected = [
      ['x:conv', ['a']],
      ['reddit:conv', ['b']],
      ['x:gone', ['c']],
      ['reddit:gone', ['d']],
    ];
    expect(ids(buildConversations(input))).toEqual(expected);
    expect(ids(buildConversations([...input].reverse()))).toEqual(expected);
  });

  it('gives unique ids even when an id already looks platform-prefixed', () => {
    const conversations = buildConversations([
      on('x', mention('7')),
      on('mastodon', mention('7')),
      on('x', mention('x:7')),
    ]);
    const names = conversations.map((c) => c.id);
    expect(new Set(names).size).toBe(3);
    expect(names).toContain('x:7');
    expect(names).toContain('mastodon:7');
    expect(names).toContain('x:7#2');
  });

  it("threadKeys follows reply links on the mention's own platform", () => {
    const keys = threadKeys([
      on('x', mention('root')),
      on('mastodon', reply('r1', 'root')),
      on('x', reply('r2', 'root')),
    ]);
    expect(Object.fromEntries(keys)).toEqual({ root: 'root', r1: 'root', r2: 'root' });
    const chained = threadKeys([
      on('x', mention('p', { conversationId: 'on-x' })),
      on('mastodon', reply('q', 'p')),
    ]);
    // On Mastodon "p" is not in the batch, so q is threaded under the missing parent, not X's conversation.
    expect(chained.get('q')).toBe('p');
  });
});
