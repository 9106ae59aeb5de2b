import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { buildConversations } from '../model/conversations';
import fixture from './fixtures/x-search-recent.json';
import { mentionsFromX } from './x';

const brand = { handles: ['@kettleandpine'] };

describe('mentionsFromX', () => {
  const { accepted, rejected } = mentionsFromX(fixture, { brand });
  const byId = new Map(accepted.map((m) => [m.id, m]));

  it('accepts or rejects every tweet of the response', () => {
    expect(accepted.length + rejected.length).toBe(fixture.data.length);
    expect(accepted).toHaveLength(6);
  });

  it('reads a customer tweet with its author from includes.users', () => {
    expect(byId.get('1851234567890123456')).toEqual({
      id: '1851234567890123456',
      platform: 'x',
      channel: 'public',
      direction: 'inbound',
      author: {
        id: '2244994945',
        handle: '@dana_bakes',
        name: 'Dana Okafor',
        followers: 1523,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      text: '@KettleAndPine where is my parcel?? order KP-448812, 6 days late & tracking says <in transit> 😤',
      createdAt: '2026-10-18T09:14:03.000Z',
      conversationId: '1851234567890123456',
      url: 'https://x.com/dana_bakes/status/1851234567890123456',
      lang: 'en',
      metrics: { likes: 12, replies: 2, reposts: 3, quotes: 1, views: 1840 },
    });
  });

  it('marks the brand account outbound and threads replies by replied_to', () => {
    const reply = byId.get('1851236011223344556')!;
    expect(reply.direction).toBe('outbound');
    expect(reply.author.isBrand).toBe(true);
    expect(reply.author.verified).toBe(true);
    expect(reply.inReplyToId).toBe('1851234567890123456');
    const thread = buildConversations(accepted).find((c) => c.id === '1851234567890123456')!;
    expect(thread.mentions.map((m) => m.id)).toEqual([
      '1851234567890123456',
      '1851236011223344556',
      '1851239988776655443',
    ]);
    expect(thread.lastSpeaker).toBe('customer');
  });

  it('prefers the full text of a long post and counts paid verification as verified', () => {
    const long = byId.get('1851301234000000001')!;
    expect(long.text).toMatch(/10\/10 would season again\.$/);
    expect(long.author.verified).toBe(true);
    expect(long.author.followers).toBe(212_000);
  });

  it('tags retweets and drops the "und" language marker', () => {
    expect(byId.get('1851302000000000002')!.tags).toEqual(['repost']);
    const unknownAuthor = byId.get('1851304000000000004')!;
    expect(unknownAuthor.lang).toBeUndefined();
    expect(unknownAuthor.author).toMatchObject({ id: '55555555', handle: '', followers: 0 });
    expect(unknownAuthor.url).toBe('https://x.com/i/web/status/1851304000000000004');
    expect(unknownAuthor.metrics).toBeUndefined();
  });

  it('says which field to request when a tweet lacks created_at, and counts duplicates once', () => {
    expect(rejected).toEqual([
      {
        index: 5,
        input: fixture.data[5],
        issues: [{ path: 'created_at', message: 'is missing: request tweet.fields=created_at' }],
      },
      {
        index: 7,
        input: fixture.data[7],
        issues: [{ path: 'id', message: 'duplicate of the record at index 0; counted once' }],
      },
    ]);
  });

  it('matches brand ids as well as handles, and reads everything inbound without a brand', () => {
    const byIdBrand = mentionsFromX(fixture, { brand: { ids: ['1500000000000000001'] } });
    expect(byIdBrand.accepted.filter((m) => m.direction === 'outbound')).toHaveLength(1);
    expect(mentionsFromX(fixture).accepted.every((m) => m.direction === 'inbound')).toBe(true);
  });

  it('rejects, with what to request, tweets it cannot tell from the brand when the page lists no users', () => {
    const bare = mentionsFromX({ data: fixture.data.slice(0, 3) }, { brand });
    expect(bare.accepted).toEqual([]);
    expect(bare.rejected).toHaveLength(3);
    expect(bare.rejected[0]!.issues[0]!.message).toMatch(/request expansions=author_id/);
    // Known by id, the brand needs no user objects; without a brand, everything is a customer's.
    const ids = mentionsFromX(
      { data: fixture.data.slice(0, 3) },
      { brand: { ids: ['1500000000000000001'] } },
    );
    expect(ids.rejected).toEqual([]);
    expect(ids.accepted.filter((m) => m.direction === 'outbound')).toHaveLength(1);
    expect(mentionsFromX({ data: fixture.data.slice(0, 3) }).rejected).toEqual([]);
  });

  it('reads a single-tweet lookup, pages, and an empty result', () => {
    const single = mentionsFromX({ data: fixture.data[0], includes: fixture.includes });
    expect(single.accepted).toHaveLength(1);
    const pages = mentionsFromX([
      { data: fixture.data.slice(0, 2), includes: fixture.includes },
      { data: fixture.data.slice(2, 4), includes: fixture.includes },
    ]);
    expect(pages.accepted.map((m) => m.id)).toEqual(fixture.data.slice(0, 4).map((t) => t.id));
    expect(mentionsFromX({ meta: { result_count: 0 } })).toEqual({ accepted: [], rejected: [] });
  });

  it('rejects tweets with wrong types and bad dates with readable reasons', () => {
    const { rejected: bad } = mentionsFromX({
      data: [
        { id: 12, text: 'x', author_id: '1', created_at: '2026-10-18T09:14:03.000Z' },
        { id: '13', text: 'x', author_id: '1', created_at: '2026-13-45T09:14:03Z' },
        {
          id: '14',
          text: 'x',
          author_id: '1',
          created_at: '2026-10-18T09:14:03Z',
          public_metrics: { like_count: Infinity },
        },
      ],
    });
    expect(bad.map((r) => r.issues[0]!.path)).toEqual([
      'id',
      'created_at',
      'public_metrics.like_count',
    ]);
    expect(bad[0]!.issues[0]!.message).toBe('must be a string');
  });

  it('throws on a rate-limit (429) or unauthorised (401) error body instead of reading no mentions', () => {
    const tooMany = {
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    };
    expect(() => mentionsFromX(tooMany)).toThrow(RapportInputError);
    expect(() => mentionsFromX(tooMany)).toThrow('X returned an error: 429 Too Many Requests');
    expect(() =>
      mentionsFromX({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      }),
    ).toThrow('X returned an error: 401 Unauthorized');
  });

  it('throws on an { errors } body without data, with the reasons X gave', () => {
    const invalid = {
      errors: [
        {
          parameters: { max_results: ['500'] },
          message: 'The `max_results` query parameter value [500] is not between 10 and 100',
        },
      ],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    };
    let error: unknown;
    try {
      mentionsFromX(invalid);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RapportInputError);
    expect((error as RapportInputError).message).toBe(
      'X returned an error: Invalid Request: One or more parameters to your request was invalid; ' +
        'The `max_results` query parameter value [500] is not between 10 and 100',
    );
    expect((error as RapportInputError).issues).toEqual([
      {
        path: 'errors.0',
        message: 'The `max_results` query parameter value [500] is not between 10 and 100',
      },
    ]);
    expect(() => mentionsFromX({ errors: [{ message: 'Something broke' }] })).toThrow(
      'X returned an error: Something broke',
    );
  });

  it('names the page of an error body among several pages', () => {
    expect(() =>
      mentionsFromX([
        { data: fixture.data.slice(0, 2), includes: fixture.includes },
        { title: 'Service Unavailable', status: 503 },
      ]),
    ).toThrow('X returned an error at page 1: 503 Service Unavailable');
  });

  it('still reads the data of a response that also lists partial errors', () => {
    const partial = mentionsFromX({
      data: fixture.data.slice(0, 2),
      includes: fixture.includes,
      errors: [notFound('1851234567890000000')],
    });
    expect(partial.accepted.map((m) => m.id)).toEqual(fixture.data.slice(0, 2).map((t) => t.id));
  });

  it('reads a lookup whose tweets were all deleted as empty, not as an error', () => {
    expect(mentionsFromX({ errors: [notFound('1851234567890000000')] })).toEqual({
      accepted: [],
      rejected: [],
    });
  });

  it('rejects the hole of a sparse data array at its index, and throws on a missing page', () => {
    const data: unknown[] = [fixture.data[0]];
    data[2] = fixture.data[1];
    const { accepted, rejected } = mentionsFromX({ data, includes: fixture.includes });
    expect(accepted).toHaveLength(2);
    expect(rejected.map((r) => [r.index, r.input])).toEqual([[1, undefined]]);
    const pages: unknown[] = [{ data: fixture.data.slice(0, 1) }];
    pages[2] = { data: fixture.data.slice(1, 2) };
    expect(() => mentionsFromX(pages)).toThrow(
      'Expected an X API v2 response ({ data, includes }) at page 1.',
    );
  });

  it('throws on input that is not a response, and on options with a typo', () => {
    expect(() => mentionsFromX('nope')).toThrow(RapportInputError);
    expect(() => mentionsFromX({ data: 'nope' })).toThrow(RapportInputError);
    // @ts-expect-error: a typo in the options
    expect(() => mentionsFromX(fixture, { brnad: brand })).toThrow(/brnad/);
  });
});

/** A partial error as X sends it beside (or instead of) `data` when a looked-up tweet was deleted. */
function notFound(id: string) {
  return {
    value: id,
    detail: `Could not find tweet with ids: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter: 'ids',
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}
