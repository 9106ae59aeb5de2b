import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { parseInteractions, parseSuperfanConfig } from './schemas';
import { NOW } from './test-helpers';

const ok = {
  id: 'a1',
  memberId: 'ana',
  at: '2026-11-20T10:00:00Z',
  channel: 'forum',
  type: 'answer',
};

describe('parseInteractions', () => {
  it('accepts good rows and rejects bad ones with reasons, dropping none', () => {
    const rows = [
      ok,
      { ...ok, id: 'a2', type: 'teleport' },
      { ...ok, id: 'a3', at: '2027-01-01T00:00:00Z' },
      { ...ok, id: 'a4', memberId: undefined },
      { ...ok, id: 'a1' },
      { ...ok, id: 'a5', at: '2026-11-20' },
      { ...ok, id: 'a6', outcome: 'liked' },
      'not an object',
    ];
    const { accepted, rejected } = parseInteractions(rows, { now: NOW });
    expect(accepted.map((a) => a.id)).toEqual(['a1']);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const why = (i: number) =>
      rejected
        .find((r) => r.index === i)!
        .issues.map((x) => `${x.path} ${x.message}`)
        .join('; ');
    expect(why(1)).toMatch(/^type is not a known interaction type \("teleport"\)/);
    expect(why(2)).toBe('at is in the future (after now, 2026-11-22T00:00:00.000Z)');
    expect(why(3)).toMatch(/^memberId is missing/);
    expect(why(4)).toBe('id duplicate of the record at index 0; counted once');
    expect(why(5)).toMatch(/^at must be an ISO 8601 date-time with a time zone/);
    expect(why(6)).toMatch(/^outcome is not a known outcome/);
    expect(accepted.length + rejected.length).toBe(rows.length);
  });

  it('accounts for every index of a sparse array: a hole is rejected, not skipped', () => {
    // eslint-disable-next-line no-sparse-arrays
    const rows = [ok, , { ...ok, id: 'a3' }];
    const { accepted, rejected } = parseInteractions(rows, { now: NOW });
    expect(accepted.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: undefined,
        issues: [
          { path: '(record)', message: 'Invalid input: expected object, received undefined' },
        ],
      },
    ]);
    expect(accepted.length + rejected.length).toBe(rows.length);
  });

  it('throws the now RangeError when now or the options are left out, or now has no zone', () => {
    const missing = 'now must be an ISO 8601 date-time or epoch ms, got undefined';
    const call = parseInteractions as (input: unknown, options?: unknown) => unknown;
    expect(() => call([ok])).toThrow(new RangeError(missing));
    expect(() => call([ok], {})).toThrow(new RangeError(missing));
    expect(() => parseInteractions([ok], { now: '2026-11-22 12:00' })).toThrow(
      /^now must be an ISO 8601 date-time or epoch ms, got "2026-11-22 12:00" \(no time zone/,
    );
  });

  it('reads now given as a date alone as midnight UTC, on any machine', () => {
    const late = { ...ok, id: 'late', at: '2026-11-22T00:30:00Z' };
    const { accepted, rejected } = parseInteractions([ok, late], { now: '2026-11-22' });
    expect(accepted.map((a) => a.id)).toEqual(['a1']);
    expect(rejected[0]!.issues[0]!.message).toBe(
      'is in the future (after now, 2026-11-22T00:00:00.000Z)',
    );
  });

  it('accepts now as epoch milliseconds and throws on a non-array', () => {
    expect(parseInteractions([ok], { now: Date.parse(NOW) }).accepted).toHaveLength(1);
    expect(() => parseInteractions({ rows: [] }, { now: NOW })).toThrow(RapportInputError);
  });

  it('bounds hostile input: a 2 MiB text is rejected, and unknown keys never reach the result', () => {
    const { accepted, rejected } = parseInteractions(
      [
        { ...ok, text: 'x'.repeat(2_000_000) },
        JSON.parse(
          '{"id":"b","memberId":"m","at":"2026-11-20T10:00:00Z","channel":"x","type":"like","__proto__":{"polluted":1}}',
        ),
      ],
      { now: NOW },
    );
    expect(rejected[0]!.issues[0]!.path).toBe('text');
    expect(accepted).toHaveLength(1);
    expect(Object.keys(accepted[0]!)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseSuperfanConfig', () => {
  it('rejects a misspelt option', () => {
    expect(() => parseSuperfanConfig({ now: NOW, halfLifeDay: 30 })).toThrow(/halfLifeDay/);
    expect(parseSuperfanConfig({ now: NOW, gate: { minPeopleHelped: 3 } }).gate).toEqual({
      minPeopleHelped: 3,
    });
  });

  it('takes the time of the run beside saved settings, which say how to rank but not when', () => {
    const saved = JSON.parse('{"halfLifeDays":30,"gate":{"minPeopleHelped":3}}') as unknown;
    expect(parseSuperfanConfig(saved, NOW)).toEqual({
      now: NOW,
      halfLifeDays: 30,
      gate: { minPeopleHelped: 3 },
    });
    expect(parseSuperfanConfig(saved, Date.parse('2026-11-22T09:00:00Z')).now).toBe(
      '2026-11-22T09:00:00.000Z',
    );
    expect(parseSuperfanConfig({ now: '2020-01-01T00:00:00Z' }, NOW).now).toBe(NOW);
    expect(() => parseSuperfanConfig(saved)).toThrow(/now/);
    expect(() => parseSuperfanConfig(saved, 'tomorrow')).toThrow(
      /now must be an ISO 8601 date-time/,
    );
    expect(() => parseSuperfanConfig(JSON.parse('{"__proto__":{"x":1}}'), NOW)).toThrow(
      /__proto__/,
    );
  });
});
