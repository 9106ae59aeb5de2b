import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBatch, parseMentions, RapportInputError, toInputIssues } from './parse';
import { MentionSchema } from './schemas';
import { parseInteractions } from '../superfans/schemas';

const base = {
  id: '1',
  platform: 'x',
  channel: 'public',
  direction: 'inbound',
  author: { id: 'u1', handle: '@dana' },
  text: 'My package never arrived',
  createdAt: '2026-11-20T09:00:00Z',
};

function issuesOf(record: unknown) {
  const { rejected } = parseMentions([record]);
  expect(rejected).toHaveLength(1);
  return rejected[0]!.issues;
}

describe('parseMentions', () => {
  it('accepts a minimal mention and fills in the author defaults', () => {
    const { accepted, rejected } = parseMentions([base]);
    expect(rejected).toEqual([]);
    expect(accepted[0]).toEqual({
      ...base,
      author: {
        id: 'u1',
        handle: '@dana',
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
    });
  });

  it('rejects bad dates: no zone, impossible days, dates without a time', () => {
    for (const createdAt of [
      '2026-11-20T09:00:00',
      '2026-02-30T09:00:00Z',
      '2026-13-01T09:00:00Z',
      '2026-11-20',
      'yesterday',
    ]) {
      expect(issuesOf({ ...base, createdAt })).toEqual([
        {
          path: 'createdAt',
          message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-22T09:30:00Z',
        },
      ]);
    }
    expect(
      parseMentions([{ ...base, createdAt: '2026-11-20T09:00:00.123+05:30' }]).accepted,
    ).toHaveLength(1);
  });

  it('accepts a customer-since date with or without a time, and rejects other strings', () => {
    expect(
      parseMentions([{ ...base, author: { id: 'u', customerSince: '2021-03-04' } }]).accepted,
    ).toHaveLength(1);
    expect(issuesOf({ ...base, author: { id: 'u', customerSince: 'March 2021' } })[0]!.path).toBe(
      'author.customerSince',
    );
  });

  it('rejects non-finite, fractional and negative numbers with the field path', () => {
    expect(issuesOf({ ...base, metrics: { likes: Number.POSITIVE_INFINITY } })[0]!.path).toBe(
      'metrics.likes',
    );
    expect(issuesOf({ ...base, metrics: { views: Number.NaN } })[0]!.path).toBe('metrics.views');
    expect(
      issuesOf({ ...base, author: { id: 'u', lifetimeValue: Number.POSITIVE_INFINITY } })[0]!.path,
    ).toBe('author.lifetimeValue');
    expect(issuesOf({ ...base, author: { id: 'u', followers: 1.5 } })).toEqual([
      { path: 'author.followers', message: 'must be a whole number' },
    ]);
    expect(issuesOf({ ...base, metrics: { replies: -1 } })).toEqual([
      { path: 'metrics.replies', message: 'must not be negative' },
    ]);
  });

  it('rejects wrong types and unknown enum values, listing every issue of a record', () => {
    const issues = issuesOf({
      ...base,
      id: 42,
      platform: 'myspace',
      direction: 'sideways',
      text: null,
    });
    expect(issues.map((i) => i.path)).toEqual(['id', 'platform', 'direction', 'text']);
    expect(issues[0]!.message).toMatch(/expected string, received number/);
    expect(issues[1]!.message).toMatch(/expected one of "x"\|"instagram"/);
  });

  it('rejects empty ids, overlong text, non-http URLs and unknown consent purposes', () => {
    expect(issuesOf({ ...base, id: '   ' })).toEqual([
      { path: 'id', message: 'must not be empty' },
    ]);
    expect(issuesOf({ ...base, text: 'x'.repeat(1_048_577) })[0]!.message).toBe(
      'is longer than 1048576 characters',
    );
    expect(issuesOf({ ...base, url: 'javascript:alert(1)' })[0]!.message).toBe(
      'must be an http(s) URL',
    );
    expect(issuesOf({ ...base, author: { id: 'u', consent: { marketing: true } } })[0]!.path).toBe(
      'author.consent',
    );
  });

  it('describes a record that is not an object', () => {
    expect(issuesOf(null)).toEqual([
      { path: '(record)', message: expect.stringMatching(/expected object/) },
    ]);
    expect(issuesOf('hello')[0]!.path).toBe('(record)');
  });

  it('counts a repeated id once and says which record it repeats', () => {
    const { accepted, rejected } = parseMentions([
      base,
      { ...base, text: 'again' },
      { ...base, id: '2' },
    ]);
    expect(accepted.map((m) => m.id)).toEqual(['1', '2']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: { ...base, text: 'again' },
        issues: [{ path: 'id', message: 'duplicate of the record at index 0; counted once' }],
      },
    ]);
  });

  it('does not let a rejected record claim an id', () => {
    const { accepted } = parseMentions([{ ...base, createdAt: 'nope' }, base]);
    expect(accepted).toHaveLength(1);
  });

  it('never merges __proto__ or constructor keys from JSON into the result', () => {
    const record = JSON.parse(
      JSON.stringify(base).replace(
        '"author":{',
        '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"author":{"__proto__":{"isBrand":true},',
      ),
    ) as unknown;
    const { accepted } = parseMentions([record]);
    expect(Object.keys(accepted[0]!)).toEqual(Object.keys(base));
    expect(Object.getPrototypeOf(accepted[0])).toBe(Object.prototype);
    expect(accepted[0]!.author.isBrand).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops unknown keys of a mention', () => {
    expect(parseMentions([{ ...base, sentimentScore: 0.4 }]).accepted[0]).not.toHaveProperty(
      'sentimentScore',
    );
  });

  it('throws RapportInputError when the input is not an array', () => {
    for (const input of [undefined, null, 'mentions', 42, { 0: base }]) {
      expect(() => parseMentions(input)).toThrow(RapportInputError);
    }
    expect(() => parseMentions({})).toThrow('Expected an array of mentions, got an object.');
    expect(() => parseMentions(null)).toThrow('Expected an array of mentions, got null.');
    expect(() => parseMentions(undefined)).toThrow('Expected an array of mentions, got undefined.');
    expect(() => parseInteractions(undefined, { now: '2026-11-22T00:00:00Z' })).toThrow(
      'Expected an array of interactions, got undefined.',
    );
  });

  it('rejects the holes of a sparse array instead of skipping them', () => {
    const input = new Array<unknown>(3);
    input[1] = base;
    const { accepted, rejected } = parseMentions(input);
    expect(accepted).toHaveLength(1);
    expect(rejected.map((r) => r.index)).toEqual([0, 2]);
  });

  it('puts every input record in exactly one list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(base),
            fc.string({ maxLength: 3 }).map((id) => ({ ...base, id })),
            fc.anything(),
          ),
          { maxLength: 30 },
        ),
        (records) => {
          const { accepted, rejected } = parseMentions(records);
          expect(accepted.length + rejected.length).toBe(records.length);
          expect(new Set(accepted.map((m) => m.id)).size).toBe(accepted.length);
        },
      ),
    );
  });
});

describe('parseBatch', () => {
  it('works with any schema and without a key', () => {
    const { accepted, rejected } = parseBatch(MentionSchema.shape.channel, [
      'public',
      'loud',
      'public',
    ]);
    expect(accepted).toEqual(['public', 'public']);
    expect(rejected.map((r) => r.index)).toEqual([1]);
  });
});

describe('toInputIssues', () => {
  it('joins nested paths with dots and names the record itself', () => {
    const error = MentionSchema.safeParse({ ...base, tags: ['ok', ''] }).error!;
    expect(toInputIssues(error)).toEqual([{ path: 'tags.1', message: expect.any(String) }]);
    expect(toInputIssues(MentionSchema.safeParse(1).error!)[0]!.path).toBe('(record)');
  });
});
