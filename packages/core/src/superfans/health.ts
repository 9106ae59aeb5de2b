import type { CommunityHealth } from './types';

/**
 * Community health from contribution counts per member and help counts per helper.
 *
 * Core: the fewest members who make 80% of contributions; regular: the next ones up to 95%; casual: the rest.
 * Helpers' bus factor: the fewest helpers who give half of all help (0 when nobody helps; 1 or 2 is fragile).
 * Order of the inputs does not matter.
 *
 * @example
 * ```ts
 * communityHealthFromCounts([50, 30, 5, 1], [20, 2]).helperBusFactor; // 1
 * ```
 */
export function communityHealthFromCounts(
  contributions: readonly number[],
  helps: readonly number[],
): CommunityHealth {
  const c = descending(contributions);
  const total = c.reduce((s, v) => s + v, 0);
  let core = 0;
  let regular = 0;
  let acc = 0;
  for (const v of c) {
    if (acc < 0.8 * total) core++;
    else if (acc < 0.95 * total) regular++;
    else break;
    acc += v;
  }
  const casual = c.length - core - regular;
  const h = descending(helps);
  const helpTotal = h.reduce((s, v) => s + v, 0);
  let bus = 0;
  let helpAcc = 0;
  for (const v of h) {
    if (helpAcc >= helpTotal / 2) break;
    helpAcc += v;
    bus++;
  }
  const n = c.length;
  const share = (v: number): number => (n === 0 ? 0 : Math.round((v / n) * 1000) / 1000);
  const fragile = bus > 0 && bus <= 2 ? ': fragile, help depends on very few people' : '';
  const summary =
    n === 0
      ? 'nobody has contributed yet'
      : `${core} core, ${regular} regular and ${casual} casual contributors; ${
          bus === 0
            ? 'nobody helps other members yet'
            : `${bus} ${bus === 1 ? 'person gives' : 'people give'} half of all help${fragile}`
        }`;
  return {
    contributors: n,
    core,
    regular,
    casual,
    shares: { core: share(core), regular: share(regular), casual: share(casual) },
    helperBusFactor: bus,
    helpers: h.length,
    summary,
  };
}

/** The positive values, largest first (a typed-array sort: no comparison callback for 100,000 members). */
function descending(values: readonly number[]): Float64Array {
  let n = 0;
  for (const v of values) if (v > 0) n++;
  const out = new Float64Array(n);
  let i = 0;
  for (const v of values) if (v > 0) out[i++] = v;
  return out.sort().reverse();
}
