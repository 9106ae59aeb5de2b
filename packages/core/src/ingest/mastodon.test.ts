import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import statuses from './fixtures/mastodon-statuses.json';
import { mentionsFromMastodon } from './mastodon';

const brand = { handles: ['kettleandpine@mastodon.social'] };

describe('mentionsFromMastodon', () => {
  const { accepted, rejected } = mentionsFromMastodon(statuses, { brand });
  const byId = new Map(accepted.map((m) => [m.id, m]));

  it('accepts or rejects every status', () => {
    expect(accepted.length + rejected.length).toBe(statuses.length);
    expect(accepted).toHaveLength(5);
  });

  it('turns HTML content into plain text: mentions, full link, hashtags, entities', () => {
    const first = byId.get('113289456612345678')!;
    expect(first.text).toBe(
      '@kettleandpine my parcel\'s been "out for delivery" since Monday & nobody answers the chat 😩\n\n' +
        'Tracking: https://track.example/KP-551204?ref=mastodon #fail',
    );
    expect(first).toMatchObject({
      platform: 'mastodon',
      channel: 'public',
      direction: 'inbound',
      createdAt: '2026-10-18T10:02:11.512Z',
      url: 'https://mastodon.social/@ravi/113289456612345678',
      lang: 'en',
      author: {
        id: '109371234567890123',
        handle: '@ravi@mastodon.social',
        name: 'Ravi Sharma',
        followers: 412,
      },
      metrics: { likes: 9, replies: 1, reposts: 4, quotes: 0, views: 0 },
    });
  });

  it('reads the brand reply as outbound with its reply link and line break', () => {
    const reply = byId.get('113289470000000001')!;
    expect(reply.direction).toBe('outbound');
    expect(reply.author.isBrand).toBe(true);
    expect(reply.inReplyToId).toBe('113289456612345678');
    expect(reply.text).toBe(
      "@ravi Sorry Ravi! We've asked the courier to prioritise it.\nYou'll hear from us by 3pm.",
    );
  });

  it('maps visibility to channel: direct and followers-only are private', () => {
    expect(byId.get('113289480000000002')!.channel).toBe('private');
    expect(byId.get('113289480000000002')!.author.handle).toBe('@lena@fosstodon.org');
    expect(byId.get('113289480000000002')!.author.name).toBe('lena');
    // A direct message has no public URL; the ActivityPub uri is still a link to it.
    expect(byId.get('113289480000000002')!.url).toBe(
      'https://fosstodon.org/users/lena/statuses/113289480000000002',
    );
    expect(byId.get('113289490000000003')!.channel).toBe('private');
  });

  it('puts the content warning first, drops scripts and styles, keeps preformatted text', () => {
    const rant = byId.get('113289490000000003')!;
    expect(rant.text).toBe(
      'kitchen rant\n\nThe new @kettleandpine kettle whistles like a banshee <3\n\n  boil:   3 min\n  pour:   1 min',
    );
    expect(rant.text).not.toMatch(/alert|p\{\}/);
    expect(rant.lang).toBeUndefined();
  });

  it('reads a boost as the boosted text by the booster, tagged repost, and flags bots', () => {
    const boost = byId.get('113289500000000004')!;
    expect(boost.text).toBe('my parcel\'s been "out for delivery" since Monday');
    expect(boost.tags).toEqual(['repost']);
    expect(boost.author.isBot).toBe(true);
  });

  it('rejects an unknown visibility and a bad date with reasons', () => {
    expect(rejected.map((r) => [r.index, r.issues])).toEqual([
      [
        5,
        [
          {
            path: 'visibility',
            message: '"secret" is not a Mastodon visibility (public, unlisted, private, direct)',
          },
        ],
      ],
      [6, [{ path: 'created_at', message: 'must be an ISO 8601 date-time with a time zone' }]],
    ]);
  });

  it('reads notifications, rejecting those without a status', () => {
    const account = statuses[0]!.account;
    const { accepted, rejected } = mentionsFromMastodon([
      {
        id: '9001',
        type: 'mention',
        created_at: '2026-10-18T10:02:12.000Z',
        account,
        status: statuses[0],
      },
      { id: '9002', type: 'follow', created_at: '2026-10-18T10:05:00.000Z', account },
    ]);
    expect(accepted.map((m) => m.id)).toEqual(['113289456612345678']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: expect.objectContaining({ type: 'follow' }),
        issues: [{ path: 'status', message: 'a follow notification carries no status' }],
      },
    ]);
  });

  it('reads a thread context and a single status', () => {
    const context = mentionsFromMastodon({ ancestors: [statuses[0]], descendants: [statuses[1]] });
    expect(context.accepted.map((m) => m.id)).toEqual(['113289456612345678', '113289470000000001']);
    expect(mentionsFromMastodon(statuses[0]).accepted).toHaveLength(1);
    expect(mentionsFromMastodon({ statuses: [statuses[0]] }).accepted).toHaveLength(1);
    expect(() => mentionsFromMastodon(42)).toThrow(RapportInputError);
  });

  it('rejects the hole of a sparse array of statuses at its index instead of skipping it', () => {
    const { accepted, rejected } = mentionsFromMastodon(withHole(statuses[0], statuses[1]));
    expect(accepted).toHaveLength(2);
    expect(rejected.map((r) => [r.index, r.input, r.issues[0]!.path])).toEqual([
      [1, undefined, '(record)'],
    ]);
  });
});

/** `[first, <hole>, last]`: a sparse array, as `[first, , last]` or filling only indexes 0 and 2 make. */
function withHole(first: unknown, last: unknown): unknown[] {
  const list: unknown[] = [first];
  list[2] = last;
  return list;
}
