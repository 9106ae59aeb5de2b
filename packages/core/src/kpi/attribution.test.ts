import { describe, expect, it } from 'vitest';
import { attributeConversion } from './attribution';

const DAY = 86_400_000;
const path = [
  { channel: 'x', at: 0 },
  { channel: 'email', at: DAY },
  { channel: 'instagram', at: 2 * DAY },
  { channel: 'search', at: 3 * DAY },
];
const credit = (model: Parameters<typeof attributeConversion>[1], opts = {}) =>
  Object.fromEntries(attributeConversion(path, model, opts).map((c) => [c.channel, c.credit]));

describe('attributeConversion', () => {
  it('gives all credit to the last or first touch', () => {
    expect(credit('last_touch')).toMatchObject({ search: 1, x: 0 });
    expect(credit('first_touch')).toMatchObject({ x: 1, search: 0 });
  });

  it('splits linearly and 40/20/40 by position', () => {
    expect(credit('linear').email).toBeCloseTo(0.25, 12);
    const p = credit('position_based');
    expect(p.x).toBeCloseTo(0.4, 12);
    expect(p.search).toBeCloseTo(0.4, 12);
    expect(p.email).toBeCloseTo(0.1, 12);
    expect(attributeConversion(path.slice(0, 2), 'position_based').map((c) => c.credit)).toEqual([
      0.5, 0.5,
    ]);
  });

  it('halves credit per half-life in time decay and always sums to 1', () => {
    const t = credit('time_decay', { halfLifeMs: DAY, conversionAt: 3 * DAY });
    expect(t.search! / t.instagram!).toBeCloseTo(2, 10);
    expect(Object.values(t).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('adds repeated channels, and refuses experiment credit from paths', () => {
    const r = attributeConversion(
      [
        { channel: 'x', at: 0 },
        { channel: 'x', at: 1 },
      ],
      'linear',
    );
    expect(r).toEqual([{ channel: 'x', credit: 1 }]);
    expect(() => attributeConversion(path, 'experiment')).toThrow(/holdout/);
    expect(() => attributeConversion([{ channel: 'x', at: 'yesterday' }], 'linear')).toThrow(
      /Touch 0 has no valid time/,
    );
    expect(attributeConversion([], 'linear')).toEqual([]);
  });

  it('gives no credit to touches after the conversion, under every model', () => {
    const at = { conversionAt: 1.5 * DAY };
    expect(credit('last_touch', at)).toEqual({ email: 1, x: 0 });
    expect(credit('linear', at)).toEqual({ x: 0.5, email: 0.5 });
    expect(credit('position_based', at)).toEqual({ x: 0.5, email: 0.5 });
    const decay = credit('time_decay', { ...at, halfLifeMs: DAY });
    expect(Object.keys(decay).sort()).toEqual(['email', 'x']);
    expect(decay.email! / decay.x!).toBeCloseTo(2, 10);
    // A touch at the moment of conversion counts; nothing before it means nothing to credit.
    expect(credit('last_touch', { conversionAt: DAY })).toEqual({ email: 1, x: 0 });
    expect(credit('linear', { conversionAt: -1 })).toEqual({});
  });

  it('rejects an unknown model name or an unreadable conversion time instead of giving every channel 0', () => {
    expect(() => credit('lastTouch' as never)).toThrow(
      'Unknown attribution model "lastTouch": use one of last_touch, first_touch, linear, position_based, time_decay.',
    );
    expect(() => credit('linear', { conversionAt: '2026-11-06 12:00' })).toThrow(
      /conversionAt must be epoch ms or an ISO 8601 date-time with a zone, got "2026-11-06 12:00"/,
    );
  });
});
