import { parseInstant } from './time';
import type { AttributionModel } from './types';

/** One touch on the way to a conversion: which channel or KPI, and when (epoch ms or ISO 8601 with a zone). */
export interface AttributionTouch {
  channel: string;
  at: number | string;
}

/** AttributionCredit for one channel; the credits of one conversion add up to 1. */
export interface AttributionCredit {
  channel: string;
  credit: number;
}

/** Options of `attributeConversion`. */
export interface AttributionOptions {
  /** When the conversion happened: later touches get no credit, and time decay counts back from it. Default: the last touch. */
  conversionAt?: number | string;
  /** Time-decay half-life in ms: a touch this long before the conversion counts half. Default 7 days. */
  halfLifeMs?: number;
}

const PATH_MODELS: readonly AttributionModel[] = [
  'last_touch',
  'first_touch',
  'linear',
  'position_based',
  'time_decay',
];

/**
 * Splits the credit for one conversion between the touches before it, under an attribution model.
 *
 * `last_touch` / `first_touch`: all credit to the last / first touch. `linear`: equal shares. `position_based`:
 * 40% first, 40% last, 20% shared by the touches between (50/50 with two touches). `time_decay`: weights halve
 * every `halfLifeMs` before the conversion. Credits of a channel touched more than once are added; the result
 * is sorted by credit. With `conversionAt`, touches after it are left out under every model (they did not lead
 * to it). `experiment` credit comes from a holdout test's lift, not from paths, so it throws, as does an unknown
 * model name.
 * Only an experiment shows cause; every path-based model is `modelled` evidence.
 *
 * @example
 * ```ts
 * attributeConversion(
 *   [{ channel: 'x', at: 0 }, { channel: 'email', at: 1000 }, { channel: 'search', at: 2000 }],
 *   'position_based',
 * ); // x 0.4, search 0.4, email 0.2
 * ```
 */
export function attributeConversion(
  touches: readonly AttributionTouch[],
  model: AttributionModel,
  options: AttributionOptions = {},
): AttributionCredit[] {
  if (model === 'experiment')
    throw new RangeError(
      'Experiment attribution comes from the lift measured against a holdout group (see twoProportionTest), not from touch paths.',
    );
  if (!PATH_MODELS.includes(model)) {
    throw new RangeError(
      `Unknown attribution model ${JSON.stringify(model)}: use one of ${PATH_MODELS.join(', ')}.`,
    );
  }
  const conversionAt =
    options.conversionAt === undefined ? Infinity : parseInstant(options.conversionAt);
  if (Number.isNaN(conversionAt))
    throw new RangeError(
      `conversionAt must be epoch ms or an ISO 8601 date-time with a zone, got ${JSON.stringify(options.conversionAt)}.`,
    );
  const all = touches.map((t, i) => {
    const at = parseInstant(t.at);
    if (!Number.isFinite(at))
      throw new RangeError(`Touch ${i} has no valid time (epoch ms or ISO 8601 with a zone).`);
    return { channel: t.channel, at, i };
  });
  // A touch after the conversion did not lead to it.
  const timed = all.filter((t) => t.at <= conversionAt);
  if (timed.length === 0) return [];
  timed.sort((a, b) => a.at - b.at || a.i - b.i);
  const n = timed.length;
  const weights = new Array<number>(n).fill(0);
  switch (model) {
    case 'last_touch':
      weights[n - 1] = 1;
      break;
    case 'first_touch':
      weights[0] = 1;
      break;
    case 'linear':
      weights.fill(1 / n);
      break;
    case 'position_based':
      if (n === 1) weights[0] = 1;
      else if (n === 2) weights.fill(0.5);
      else {
        weights.fill(0.2 / (n - 2));
        weights[0] = 0.4;
        weights[n - 1] = 0.4;
      }
      break;
    case 'time_decay': {
      const halfLife = options.halfLifeMs ?? 7 * 86_400_000;
      if (!(halfLife > 0)) throw new RangeError('halfLifeMs must be > 0.');
      const end = options.conversionAt === undefined ? timed[n - 1]!.at : conversionAt;
      let total = 0;
      timed.forEach((t, i) => {
        const w = Math.pow(2, -(end - t.at) / halfLife);
        weights[i] = w;
        total += w;
      });
      // Far-apart touches can underflow to 0; fall back to the latest touch then.
      if (total > 0) for (let i = 0; i < n; i++) weights[i]! /= total;
      else weights[n - 1] = 1;
      break;
    }
  }
  const byChannel = new Map<string, number>();
  timed.forEach((t, i) => byChannel.set(t.channel, (byChannel.get(t.channel) ?? 0) + weights[i]!));
  return [...byChannel]
    .map(([channel, credit]) => ({ channel, credit }))
    .sort((a, b) => b.credit - a.credit || (a.channel < b.channel ? -1 : 1));
}
