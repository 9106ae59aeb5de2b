import { offsetAt } from '../model/zone';
import { RapportInputError, type InputIssue } from '../model/errors';
import { parseInstant } from '../model/instant';
import { bucketSizeMs, resolveSpikeOptions } from './options';
import { logPoissonUpperTail, median, medianAbsoluteDeviation } from './stats';
import type {
  ResolvedSpikeOptions,
  SeriesBucket,
  Spike,
  SpikeDetector,
  SpikeDetectorState,
  SpikeOptions,
  SpikeSnapshot,
} from './types';
import {
  amount,
  chanceWords,
  clock,
  percent,
  spanWords,
  timesWords,
  unitWord,
  zoneWord,
} from './words';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Ring value of a bucket with no data (gap), or of an unknown `negative` / `authors`. */
const MISSING = -1;
/** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;
/** How many spikes a detector keeps for `getSnapshot()`. */
const KEPT_SPIKES = 100;
/** Weight, in mentions, of the overall negative share in each time-of-day share. */
const SHARE_PRIOR = 20;

/** Sizes, in buckets, derived from the options and the bucket length. */
interface Geometry {
  /** Slots per week (hour-of-week for hourly buckets); 1 when the bucket does not divide a week. */
  slots: number;
  /** Buckets per day, for the same-time-of-day fallback; 0 when it does not apply. */
  perDay: number;
  burnWindow: number;
  burnBaseline: number;
  cooldown: number;
  burnCooldown: number;
  /** Buckets whose derived flags are recomputed after a restore or merge. */
  span: number;
  ring: number;
}

function geometryOf(o: ResolvedSpikeOptions, bucketMs: number): Geometry {
  const slots = bucketMs <= DAY && WEEK % bucketMs === 0 ? WEEK / bucketMs : 1;
  const perDay = slots > 1 && bucketMs < DAY && DAY % bucketMs === 0 ? DAY / bucketMs : 0;
  const buckets = (ms: number) => Math.max(1, Math.ceil(ms / bucketMs));
  const burnWindow = buckets(o.negativeShare.windowMs);
  const burnBaseline = buckets(o.negativeShare.baselineMs);
  const cooldown = Math.ceil(o.cooldownMs / bucketMs);
  const burnCooldown = Math.ceil(o.negativeShare.cooldownMs / bucketMs);
  const lookback = Math.max(
    o.historyWeeks * slots,
    7 * perDay,
    o.recentBuckets,
    burnWindow + burnBaseline,
    o.coverageBuckets,
  );
  // How far back a restore or merge must recompute the derived flags for the next push to see exactly what an
  // uninterrupted detector sees: that push reads `burning` over the burn cooldown, and each of those read `covered`
  // and `flagged` over a whole burn window; it reads `eligible` over the cooldown, and each of those read `flagged`
  // over the persistence window; each `flagged` reads `covered` over the coverage buckets before it. That takes
  // coverage + max(burn window + burn cooldown, n + cooldown) − 2 buckets; `span` keeps 2 to spare.
  const span = o.coverageBuckets + Math.max(burnWindow + burnCooldown, o.persistence.n + cooldown);
  return {
    slots,
    perDay,
    burnWindow,
    burnBaseline,
    cooldown,
    burnCooldown,
    span,
    // With a time zone, a week back may land up to a few hours later or earlier (see `back`): keep them too.
    ring: lookback + span + 1 + (o.timeZone !== undefined ? Math.ceil((3 * HOUR) / bucketMs) : 0),
  };
}

interface Baseline {
  expected: number;
  mad: number;
  source: 'week' | 'day' | 'recent';
  /** How many past buckets it was computed from. */
  size: number;
}

interface VolumeTest {
  flagged: boolean;
  strong: boolean;
  expected: number;
  z: number;
  logP: number;
  extraAuthors?: number;
}

interface BurnTest {
  eligible: boolean;
  from: number;
  negative: number;
  count: number;
  authors: number;
  authorCount: number;
  /** Log-likelihood ratio of "the share rose by `shift`" against "as usual" over the burn. */
  llr: number;
  /** Negative mentions above the usual share. */
  excess: number;
  usualShare: number;
  usualAuthorRatio?: number;
}

/**
 * The streaming engine. Everything it decides at bucket i is a pure function of the raw counts in its ring, so a
 * restored or merged state (raw counts only) rebuilds exactly the same decisions.
 */
class Engine {
  readonly g: Geometry;
  last: number | null;
  readonly count: Float64Array;
  readonly negative: Float64Array;
  readonly authors: Float64Array;
  /** Derived, per bucket: has data (and is not a suspicious zero), unusual volume, volume spike, burn. */
  private readonly covered: Uint8Array;
  private readonly flagged: Uint8Array;
  private readonly eligible: Uint8Array;
  private readonly burning: Uint8Array;
  /** Sums over the burn baseline [i − window − baseline + 1, i − window] (exact: whole numbers). */
  private sumNegCount = 0;
  private sumNeg = 0;
  /** The same per time of day (negative share has its own daily rhythm: e.g. unanswered chasers at night). */
  private readonly todNegCount: Float64Array;
  private readonly todNeg: Float64Array;
  /** Scratch space for the burn test, per time-of-day slot. */
  private readonly p0s: Float64Array;
  private readonly ups: Float64Array;
  private readonly downs: Float64Array;
  private sumAuthCount = 0;
  private sumAuth = 0;

  constructor(
    readonly o: ResolvedSpikeOptions,
    readonly bucketMs: number,
    public phaseMs: number,
    state?: SpikeDetectorState,
  ) {
    this.g = geometryOf(o, bucketMs);
    const R = this.g.ring;
    this.count = new Float64Array(R).fill(MISSING);
    this.negative = new Float64Array(R).fill(MISSING);
    this.authors = new Float64Array(R).fill(MISSING);
    this.covered = new Uint8Array(R);
    this.flagged = new Uint8Array(R);
    this.eligible = new Uint8Array(R);
    this.burning = new Uint8Array(R);
    this.todNegCount = new Float64Array(Math.max(1, this.g.perDay));
    this.todNeg = new Float64Array(Math.max(1, this.g.perDay));
    this.p0s = new Float64Array(this.todNeg.length);
    this.ups = new Float64Array(this.todNeg.length);
    this.downs = new Float64Array(this.todNeg.length);
    this.last = null;
    if (state) {
      if (state.ring !== R) {
        throw new RapportInputError(
          `Spike detector state has a ring of ${state.ring} buckets; these options need ${R}.`,
          [{ path: 'ring', message: `must be ${R} for these options and bucket size` }],
        );
      }
      this.count.set(state.count);
      this.negative.set(state.negative);
      this.authors.set(state.authors);
      this.last = state.last;
      if (state.last !== null) this.rebuild();
    }
  }

  private pos(i: number): number {
    const R = this.g.ring;
    return ((i % R) + R) % R;
  }

  private raw(arr: Float64Array, i: number): number {
    const last = this.last;
    if (last === null || i > last || i <= last - this.g.ring) return MISSING;
    return arr[this.pos(i)]!;
  }

  private derived(arr: Uint8Array, i: number): number {
    const last = this.last;
    if (last === null || i > last || i <= last - this.g.ring) return 0;
    return arr[this.pos(i)]!;
  }

  /** Milliseconds since the epoch of bucket index i's start. */
  startOf(i: number): number {
    return this.phaseMs + i * this.bucketMs;
  }

  state(): SpikeDetectorState {
    const options = structuredCloneOptions(this.o);
    // JSON has no Infinity (it writes null): the gap check turned off is saved as the largest number, which no
    // expected count reaches, so the state survives JSON.stringify and reads back the same.
    if (options.gapZeroExpected === Infinity) options.gapZeroExpected = Number.MAX_VALUE;
    return {
      version: 1,
      options,
      bucketMs: this.bucketMs,
      phaseMs: this.phaseMs,
      last: this.last,
      ring: this.g.ring,
      count: Array.from(this.count),
      negative: Array.from(this.negative),
      authors: Array.from(this.authors),
    };
  }

  /** Adds bucket `index` (after filling skipped buckets) and returns the spike it raises, if any. */
  push(index: number, bucket: SeriesBucket): Spike | undefined {
    const R = this.g.ring;
    let from: number;
    if (this.last === null) {
      from = index;
    } else {
      if (index <= this.last) {
        throw new RapportInputError(
          `Bucket ${bucket.start} is not after the last bucket (${iso(this.startOf(this.last))}); push buckets in time order.`,
          [{ path: 'start', message: 'must be after the previous bucket' }],
        );
      }
      from = this.last + 1;
      if (index - from > R) {
        // A gap longer than the whole ring: nothing in it survives, so start over.
        this.count.fill(MISSING);
        this.negative.fill(MISSING);
        this.authors.fill(MISSING);
        this.covered.fill(0);
        this.flagged.fill(0);
        this.eligible.fill(0);
        this.burning.fill(0);
        this.resetSums();
        from = index - R;
        this.last = from - 1;
      }
    }
    const fill = this.o.zeroFilled ? 0 : MISSING;
    for (let i = from; i < index; i++) {
      this.write(i, fill, fill, fill);
      this.evaluate(i, false);
    }
    this.write(index, bucket.count, bucket.negative ?? MISSING, bucket.authors ?? MISSING);
    return this.evaluate(index, true);
  }

  private write(i: number, count: number, negative: number, authors: number): void {
    const p = this.pos(i);
    this.count[p] = count;
    this.negative[p] = count < 0 ? MISSING : negative;
    this.authors[p] = count < 0 ? MISSING : authors;
    this.last = i;
    this.slide(i);
  }

  /** Moves the burn baseline window so that it ends `burnWindow` buckets before i. */
  private slide(i: number): void {
    this.addToBaseline(i - this.g.burnWindow, 1);
    this.addToBaseline(i - this.g.burnWindow - this.g.burnBaseline, -1);
  }

  private resetSums(): void {
    this.sumNegCount = this.sumNeg = this.sumAuthCount = this.sumAuth = 0;
    this.todNegCount.fill(0);
    this.todNeg.fill(0);
  }

  /** Offsets of the time zone by UTC hour, so each is read from Intl once. */
  private readonly offsets = new Map<number, number>();

  /** Offset of the clock from UTC at instant t, in ms: the time zone's at that moment, else the fixed offset. */
  private offsetAt(t: number): number {
    const zone = this.o.timeZone;
    if (zone === undefined) return this.o.utcOffsetMinutes * 60_000;
    const hour = Math.floor(t / HOUR);
    let off = this.offsets.get(hour);
    if (off === undefined) {
      if (this.offsets.size > 10_000) this.offsets.clear();
      off = offsetAt(hour * HOUR, zone);
      this.offsets.set(hour, off);
    }
    return off;
  }

  /**
   * The bucket `steps` buckets before i at the same local clock time: with a time zone, moved by the change in its
   * offset between the two (after the clocks go forward, 09:00 a week ago was an hour later in UTC).
   */
  private back(i: number, steps: number): number {
    const j = i - steps;
    if (this.o.timeZone === undefined) return j;
    const shift = this.offsetAt(this.startOf(i)) - this.offsetAt(this.startOf(j));
    return j + Math.round(shift / this.bucketMs);
  }

  /** Time-of-day slot of bucket j (0 when buckets do not divide a day). */
  private tod(j: number): number {
    const perDay = this.g.perDay;
    if (perDay === 0) return 0;
    const local = this.startOf(j) + this.offsetAt(this.startOf(j));
    return Math.floor((((local % DAY) + DAY) % DAY) / this.bucketMs) % perDay;
  }

  /**
   * The usual negative share at bucket j's time of day, shrunk towards the overall share by a prior worth
   * `SHARE_PRIOR` mentions, so a quiet hour with little history does not get an extreme share.
   */
  private usualShareAt(j: number, overall: number): number {
    const t = this.tod(j);
    return (this.todNeg[t]! + SHARE_PRIOR * overall) / (this.todNegCount[t]! + SHARE_PRIOR);
  }

  private addToBaseline(j: number, sign: 1 | -1): void {
    const c = this.raw(this.count, j);
    if (c < 0) return;
    const n = this.raw(this.negative, j);
    if (n >= 0) {
      this.sumNegCount += sign * c;
      this.sumNeg += sign * n;
      const t = this.tod(j);
      this.todNegCount[t] = this.todNegCount[t]! + sign * c;
      this.todNeg[t] = this.todNeg[t]! + sign * n;
    }
    const a = this.raw(this.authors, j);
    if (a >= 0) {
      this.sumAuthCount += sign * c;
      this.sumAuth += sign * a;
    }
  }

  /** Recomputes every derived value from the raw ring (after a restore or merge). */
  private rebuild(): void {
    const target = this.last!;
    const start = target - this.g.span;
    this.resetSums();
    this.last = start - 1;
    const { burnWindow, burnBaseline } = this.g;
    for (let j = start - burnWindow - burnBaseline; j < start - burnWindow; j++) {
      this.addToBaseline(j, 1);
    }
    for (let i = start; i <= target; i++) {
      this.last = i;
      this.slide(i);
      this.evaluate(i, false);
    }
  }

  private baseline(i: number): Baseline | undefined {
    const o = this.o;
    const { slots, perDay } = this.g;
    const values: number[] = [];
    for (let k = 1; k <= o.historyWeeks; k++) {
      const v = this.raw(this.count, this.back(i, k * slots));
      if (v >= 0) values.push(v);
    }
    let source: Baseline['source'] = 'week';
    if (values.length < o.minHistoryWeeks) {
      values.length = 0;
      source = 'day';
      if (perDay > 0) {
        for (let k = 1; k <= 7; k++) {
          const v = this.raw(this.count, this.back(i, k * perDay));
          if (v >= 0) values.push(v);
        }
      }
      if (values.length < o.minHistoryDays) {
        values.length = 0;
        source = 'recent';
        for (let k = 1; k <= o.recentBuckets; k++) {
          const v = this.raw(this.count, i - k);
          if (v >= 0) values.push(v);
        }
        if (values.length < o.minRecentBuckets) return undefined;
      }
    }
    // With only recent buckets to go on, the daily rhythm is unknown: take the busiest of them, so that the
    // morning rise is not mistaken for a spike.
    const expected = source === 'recent' ? Math.max(...values) : median(values);
    return {
      expected,
      mad: medianAbsoluteDeviation(values, expected),
      source,
      size: values.length,
    };
  }

  private previousCovered(i: number): boolean {
    for (let k = 1; k <= this.o.coverageBuckets; k++) {
      if (!this.derived(this.covered, i - k)) return false;
    }
    return true;
  }

  /** z-score and log Poisson tail of `c` mentions against the baseline. */
  private surprise(c: number, b: Baseline): { z: number; logP: number } {
    const o = this.o;
    const lambda = Math.max(b.expected, o.minExpected);
    // The spread: the slot's own MAD, Poisson noise plus the uncertainty of a median of `size` values
    // (variance π/2 · λ / size), or a share of the level, whichever is largest.
    const scale = Math.max(
      MAD_TO_SD * b.mad,
      Math.sqrt(lambda * (1 + Math.PI / (2 * b.size))),
      o.minRelativeScale * lambda,
    );
    const z = (c - b.expected) / scale;
    return { z, logP: z >= o.zThreshold ? logPoissonUpperTail(Math.ceil(c), lambda) : 0 };
  }

  private volumeTest(
    i: number,
    b: Baseline | undefined,
    c: number,
    prevCovered: boolean,
  ): VolumeTest {
    const o = this.o;
    const none: VolumeTest = {
      flagged: false,
      strong: false,
      expected: b?.expected ?? 0,
      z: 0,
      logP: 0,
    };
    if (!b || !prevCovered) return none;
    const expected = b.expected;
    if (c < o.minCount || c - expected < o.minExcess) return none;
    const { z, logP } = this.surprise(c, b);
    const logThreshold = Math.log(o.pThreshold);
    if (z < o.zThreshold || logP > logThreshold) return { ...none, z, logP };
    const a = this.raw(this.authors, i);
    let extraAuthors: number | undefined;
    if (a >= 0) {
      const ratio = this.sumAuthCount > 0 ? this.sumAuth / this.sumAuthCount : 1;
      extraAuthors = a - ratio * expected;
      if (extraAuthors < o.minAuthors || extraAuthors < o.minAuthorShare * (c - expected)) {
        return { ...none, z, logP, extraAuthors };
      }
      // Count people, not messages: the mentions the distinct authors account for at the usual ratio must be
      // unusual too, so one thread of many messages from a few people does not pass.
      const people = Math.min(c, a / Math.max(ratio, 1e-9));
      const byPeople = this.surprise(people, b);
      if (byPeople.z < o.zThreshold || byPeople.logP > logThreshold) {
        return { ...none, z, logP, extraAuthors };
      }
    }
    const strong = z >= o.immediate.z && logP <= Math.log(o.immediate.p);
    return {
      flagged: true,
      strong,
      expected,
      z,
      logP,
      ...(extraAuthors !== undefined && { extraAuthors }),
    };
  }

  private burnTest(i: number, c: number, prevCovered: boolean): BurnTest | undefined {
    const ns = this.o.negativeShare;
    if (!ns.enabled || !prevCovered || c <= 0 || this.raw(this.negative, i) < 0) return undefined;
    if (this.sumNeg < ns.minBaselineNegative || this.sumNegCount <= 0) return undefined;
    const overall = this.sumNeg / this.sumNegCount;
    const usualAuthorRatio = this.sumAuthCount > 0 ? this.sumAuth / this.sumAuthCount : undefined;
    // Bernoulli CUSUM: each negative mention adds log(p1/p0), each other one log((1-p1)/(1-p0)), with p0 the
    // usual share at that time of day and p1 = p0 + shift. Computed once per time-of-day slot.
    const slots = this.todNeg.length;
    const { p0s, ups, downs } = this;
    for (let t = 0; t < slots; t++) {
      const share =
        (this.todNeg[t]! + SHARE_PRIOR * overall) / (this.todNegCount[t]! + SHARE_PRIOR);
      const p0 = Math.min(Math.max(share, 0.001), 0.998);
      const p1 = Math.min(p0 + ns.shift, 0.999);
      p0s[t] = p0;
      ups[t] = Math.log(p1 / p0);
      downs[t] = Math.log((1 - p1) / (1 - p0));
    }
    const R = this.g.ring;
    const last = this.last!;
    let negative = 0;
    let count = 0;
    let expected = 0;
    let authors = 0;
    let authorCount = 0;
    let repeat = 0;
    let llr = 0;
    let found = false;
    let bFrom = i;
    let bNeg = 0;
    let bCount = 0;
    let bAuthors = 0;
    let bAuthorCount = 0;
    let bLlr = -Infinity;
    let bExcess = 0;
    let bExpected = 0;
    let tod = this.tod(i);
    const lowest = Math.max(i - this.g.burnWindow, last - R);
    for (let j = i; j > lowest; j--, tod = tod === 0 ? slots - 1 : tod - 1) {
      const p = ((j % R) + R) % R;
      const cj = this.count[p]!;
      if (cj < 0 || !this.covered[p]) break;
      const nj = this.negative[p]!;
      // Buckets already reported as a volume spike are left out: their negativity is in that spike's reasons.
      if (nj < 0 || this.flagged[p]) continue;
      const up = ups[tod]!;
      let rj = 0;
      const aj = this.authors[p]!;
      if (aj >= 0) {
        authors += aj;
        authorCount += cj;
        // Messages beyond what these authors usually write could all be one angry thread: discount them as if
        // they were all negative, plus one per bucket with a repeat poster (the same person may be back hourly).
        if (usualAuthorRatio !== undefined) {
          rj = Math.min(
            nj,
            Math.max(0, cj - aj / Math.max(usualAuthorRatio, 1e-9)) + (cj > aj ? 1 : 0),
          );
        }
      }
      negative += nj;
      count += cj;
      expected += p0s[tod]! * cj;
      repeat += rj;
      llr += (nj - rj) * up + (cj - nj) * downs[tod]!;
      if (!found || llr > bLlr) {
        found = true;
        bFrom = j;
        bNeg = negative;
        bCount = count;
        bAuthors = authors;
        bAuthorCount = authorCount;
        bLlr = llr;
        bExcess = negative - repeat - expected;
        bExpected = expected;
      }
    }
    if (!found) return undefined;
    const spread =
      bAuthorCount === 0 ||
      usualAuthorRatio === undefined ||
      bAuthors / bAuthorCount >= ns.minAuthorRatio * usualAuthorRatio;
    return {
      eligible: bLlr >= ns.threshold && bNeg >= ns.minNegative && bExcess >= ns.minExcess && spread,
      from: bFrom,
      negative: bNeg,
      count: bCount,
      authors: bAuthors,
      authorCount: bAuthorCount,
      llr: bLlr,
      excess: bExcess,
      usualShare: bCount > 0 ? bExpected / bCount : overall,
      ...(usualAuthorRatio !== undefined && { usualAuthorRatio }),
    };
  }

  /** Computes the derived values of bucket i (the newest) and, when `emit`, the spike it raises. */
  private evaluate(i: number, emit: boolean): Spike | undefined {
    const p = this.pos(i);
    const c = this.count[p]!;
    const present = c >= 0;
    const b = present ? this.baseline(i) : undefined;
    const suspiciousZero = c === 0 && b !== undefined && b.expected >= this.o.gapZeroExpected;
    this.covered[p] = present && !suspiciousZero ? 1 : 0;
    const prevCovered = this.previousCovered(i);
    const vt = present ? this.volumeTest(i, b, c, prevCovered) : undefined;
    const flagged = vt?.flagged ?? false;
    this.flagged[p] = flagged ? 1 : 0;
    const { k, n } = this.o.persistence;
    let flags = 0;
    let firstFlag = i;
    for (let j = i - n + 1; j <= i; j++) {
      if (this.derived(this.flagged, j)) {
        flags++;
        if (j < firstFlag) firstFlag = j;
      }
    }
    const eligible = flagged && (vt!.strong || flags >= k);
    this.eligible[p] = eligible ? 1 : 0;
    const bt = present ? this.burnTest(i, c, prevCovered) : undefined;
    this.burning[p] = bt?.eligible ? 1 : 0;
    if (!emit) return undefined;
    if (eligible && !this.anyBefore(this.eligible, i, this.g.cooldown)) {
      return this.volumeSpike(i, c, b!, vt!, flags, firstFlag);
    }
    if (
      bt?.eligible &&
      !this.anyBefore(this.burning, i, this.g.burnCooldown) &&
      !eligible &&
      !this.anyBefore(this.eligible, i, this.g.cooldown)
    ) {
      return this.burnSpike(i, bt);
    }
    return undefined;
  }

  private anyBefore(arr: Uint8Array, i: number, buckets: number): boolean {
    for (let j = i - buckets; j < i; j++) if (this.derived(arr, j)) return true;
    return false;
  }

  private volumeSpike(
    i: number,
    c: number,
    b: Baseline,
    vt: VolumeTest,
    flags: number,
    firstFlag: number,
  ): Spike {
    const o = this.o;
    const bucketMs = this.bucketMs;
    const at = this.startOf(i);
    const E = b.expected;
    const when = clock(at, this.offsetAt(at) / 60_000);
    const zone = o.timeZone ?? zoneWord(o.utcOffsetMinutes);
    const unit = unitWord(bucketMs);
    const bucketPhrase =
      bucketMs === DAY
        ? `on ${when.weekday} ${when.date}`
        : `in the ${unit} from ${when.time} on ${when.weekday} ${when.date} (${zone})`;
    let slotPhrase: string;
    let sourceReason: string;
    if (b.source === 'week' && this.g.slots > 1) {
      slotPhrase = bucketMs >= DAY ? `for a ${when.weekday}` : `for a ${when.weekday} ${when.time}`;
      sourceReason = `Expected is the median of the same ${unit} on the previous ${b.size} ${when.weekday}s.`;
    } else if (b.source === 'week') {
      slotPhrase = `from the previous ${spanWords(b.size, bucketMs)}`;
      sourceReason = `Expected is the median of the previous ${b.size} ${unitWord(bucketMs, b.size !== 1)}.`;
    } else if (b.source === 'day') {
      slotPhrase = `for ${when.time} on recent days`;
      sourceReason = `Less than ${o.minHistoryWeeks} weeks of history, so expected is the median of the same time on the previous ${b.size} days.`;
    } else {
      // The baseline takes the busiest recent bucket, not their median (see `baseline`): say so.
      const recent = spanWords(o.recentBuckets, bucketMs);
      const among =
        b.size === o.recentBuckets
          ? `the last ${recent}`
          : `the ${b.size} ${unitWord(bucketMs, b.size !== 1)} with data in the last ${recent}`;
      slotPhrase = `from the busiest of the last ${recent}`;
      sourceReason = `Little history yet, so expected is the busiest of ${among}: without history the daily rhythm is unknown, and an ordinary busy ${unit} should not look like a spike.`;
    }
    const ratio =
      E > 0
        ? `${(c / E).toFixed(1)}× ${b.source === 'recent' ? 'as many' : 'usual'}`
        : b.source === 'recent'
          ? 'none in any of them'
          : 'usually none';
    const reasons = [
      `${amount(c)} mentions ${bucketPhrase} vs about ${amount(E)} expected ${slotPhrase} (${ratio}).`,
      sourceReason,
      `Well beyond the usual variation (${vt.z.toFixed(1)} times the usual spread above normal); the chance of this many by luck is ${chanceWords(vt.logP)}.`,
    ];
    const a = this.raw(this.authors, i);
    if (a >= 0) {
      reasons.push(
        `Written by ${amount(a)} different people, about ${amount(Math.max(0, vt.extraAuthors ?? 0))} more than usual, so it is not one busy thread.`,
      );
    } else {
      reasons.push('Distinct authors were not given, so one busy thread cannot be ruled out.');
    }
    if (flags >= o.persistence.k && o.persistence.n > 1) {
      reasons.push(
        `Unusual in ${flags} of the last ${o.persistence.n} ${unitWord(bucketMs, true)}, so it is not a one-off blip.`,
      );
    } else if (o.persistence.k > 1) {
      reasons.push(`Raised at once: too large to wait for another unusual ${unit}.`);
    }
    const neg = this.raw(this.negative, i);
    const usualShare =
      this.sumNegCount > 0 ? this.usualShareAt(i, this.sumNeg / this.sumNegCount) : undefined;
    if (neg >= 0 && c > 0) {
      reasons.push(
        usualShare !== undefined
          ? `${percent(neg / c)} of them negative vs ${percent(usualShare)} usually at this time of day.`
          : `${percent(neg / c)} of them negative.`,
      );
    }
    const size = Math.log2(c / Math.max(E, o.minExpected));
    const significance = -vt.logP / Math.LN10;
    const severity = clampSeverity(1 + 2 * size + Math.min(3, Math.max(0, (significance - 4) / 4)));
    return {
      kind: 'volume',
      start: iso(this.startOf(firstFlag)),
      end: iso(at + bucketMs),
      severity,
      expected: round1(E),
      observed: c,
      reasons,
      ...(a >= 0 && { authors: a }),
      ...(neg >= 0 && c > 0 && { negativeShare: round3(neg / c) }),
      ...(usualShare !== undefined && { expectedNegativeShare: round3(usualShare) }),
    };
  }

  private burnSpike(i: number, bt: BurnTest): Spike {
    const o = this.o;
    const ns = o.negativeShare;
    const bucketMs = this.bucketMs;
    const from = this.startOf(bt.from);
    const when = clock(from, this.offsetAt(from) / 60_000);
    const share = bt.negative / bt.count;
    const expected = bt.usualShare * bt.count;
    const reasons = [
      `Negative mentions ran at ${percent(share)} over the ${overWords(i - bt.from + 1, bucketMs)} from ${when.time} on ${when.weekday} ${when.date} (${o.timeZone ?? zoneWord(o.utcOffsetMinutes)}) vs ${percent(bt.usualShare)} usually at those hours: a slow burn.`,
      `${amount(bt.negative)} negative mentions out of ${amount(bt.count)} vs about ${amount(expected)} expected at the usual share: about ${amount(bt.excess)} more than usual after discounting repeat posters, and ${timesWords(bt.llr)} times likelier under a real rise of ${Math.round(ns.shift * 100)} points than as noise.`,
    ];
    if (bt.authorCount > 0 && bt.usualAuthorRatio !== undefined) {
      reasons.push(
        `Spread across many people (${(bt.authors / bt.authorCount).toFixed(2)} authors per mention vs ${bt.usualAuthorRatio.toFixed(2)} usually), so it is not one angry thread.`,
      );
    } else {
      reasons.push('Distinct authors were not given, so one angry thread cannot be ruled out.');
    }
    const ratio = share / Math.max(bt.usualShare, 0.01);
    const severity = clampSeverity(
      1 + 2 * Math.log2(ratio) + Math.min(3, Math.max(0, (bt.llr / ns.threshold - 1) * 1.5)),
    );
    return {
      kind: 'negative_share',
      start: iso(from),
      end: iso(this.startOf(i) + bucketMs),
      severity,
      expected: round1(expected),
      observed: bt.negative,
      reasons,
      ...(bt.authorCount > 0 && { authors: bt.authors }),
      negativeShare: round3(share),
      expectedNegativeShare: round3(bt.usualShare),
    };
  }
}

function clampSeverity(x: number): number {
  return Math.min(10, Math.max(1, Math.round(x)));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** ISO 8601 (UTC) of epoch milliseconds. */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function structuredCloneOptions(o: ResolvedSpikeOptions): ResolvedSpikeOptions {
  return {
    ...o,
    persistence: { ...o.persistence },
    immediate: { ...o.immediate },
    negativeShare: { ...o.negativeShare },
  };
}

/** Checks one bucket; returns its epoch ms or throws `RapportInputError` with every problem. */
export function checkBucket(bucket: SeriesBucket, path = ''): number {
  const issues: InputIssue[] = [];
  const t = typeof bucket?.start === 'string' ? parseInstant(bucket.start) : NaN;
  if (!Number.isFinite(t))
    issues.push({ path: `${path}start`, message: 'must be an ISO 8601 date-time with a zone' });
  const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!whole(bucket?.count))
    issues.push({ path: `${path}count`, message: 'must be a whole number ≥ 0' });
  for (const key of ['negative', 'authors'] as const) {
    const v = bucket?.[key];
    if (v === undefined) continue;
    if (!whole(v)) issues.push({ path: `${path}${key}`, message: 'must be a whole number ≥ 0' });
    else if (whole(bucket.count) && v > bucket.count) {
      issues.push({ path: `${path}${key}`, message: 'must not exceed count' });
    }
  }
  if (issues.length) {
    throw new RapportInputError(
      `Invalid bucket: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
      issues,
    );
  }
  return t;
}

function positiveMod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

/** Longest step between two pushed buckets (366 days): beyond it, a date typo is likelier than a pause. */
const MAX_STREAM_JUMP_MS = 366 * DAY;

/** Wraps an engine in the public detector interface. */
function shell(engine: Engine): SpikeDetector {
  let snapshot: SpikeSnapshot = { spikes: [] };
  const listeners = new Set<() => void>();
  return {
    push(bucket) {
      const t = checkBucket(bucket);
      if (engine.last === null) engine.phaseMs = positiveMod(t, engine.bucketMs);
      const offset = t - engine.phaseMs;
      if (offset % engine.bucketMs !== 0) {
        throw new RapportInputError(
          `Bucket ${bucket.start} does not start on the detector's ${unitWord(engine.bucketMs)} grid.`,
          [
            {
              path: 'start',
              message: `must be a whole number of buckets after ${iso(engine.phaseMs)}`,
            },
          ],
        );
      }
      // A bucket more than a year after the last one is far more likely a typo in the year than a pause: taken,
      // it would make every later real bucket "out of order", so the detector is stopped for good.
      if (engine.last !== null && t - engine.startOf(engine.last) > MAX_STREAM_JUMP_MS) {
        throw new RapportInputError(
          `Bucket ${bucket.start} is more than a year after the last bucket (${iso(engine.startOf(engine.last))}): check its date. After a pause that long, start a new detector.`,
          [{ path: 'start', message: 'must be within a year of the previous bucket' }],
        );
      }
      const spike = engine.push(offset / engine.bucketMs, bucket);
      const spikes = spike ? [...snapshot.spikes, spike].slice(-KEPT_SPIKES) : snapshot.spikes;
      snapshot = { spikes, lastBucket: bucket.start };
      for (const l of [...listeners]) l();
      return spike;
    },
    getState: () => engine.state(),
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Creates a streaming spike detector: push one bucket at a time, in time order; each push may raise a spike.
 *
 * Constant work per bucket (bounded by the ring sizes, independent of how long the stream runs): the baseline for a
 * bucket is the median of the same hour-of-week over the previous weeks, kept in a fixed-size ring. Buckets skipped
 * between two pushes are collection gaps (or zeros with `zeroFilled: true`). `bucket` defaults to 'hour'.
 * It raises the same `Spike` objects as `detectSpikes` on the same series. Save it with `getState()`, restore it
 * with `restoreSpikeDetector`, combine shards with `mergeSpikeStates`.
 *
 * @example
 * ```ts
 * const detector = createSpikeDetector({ bucket: 'hour' });
 * const spike = detector.push({ start: '2026-11-17T10:00:00Z', count: 312, authors: 251 });
 * if (spike) notify(spike.severity, spike.reasons);
 * ```
 */
export function createSpikeDetector(options: SpikeOptions = {}): SpikeDetector {
  const o = resolveSpikeOptions(options);
  return shell(new Engine(o, bucketSizeMs(o.bucket ?? 'hour'), 0));
}

/**
 * Rebuilds a detector from `getState()` (e.g. after `JSON.parse`): it continues exactly where the saved one stopped.
 *
 * Validate state from outside with `SpikeDetectorStateSchema` first; this checks only the ring size.
 *
 * @example
 * ```ts
 * const detector = restoreSpikeDetector(JSON.parse(saved));
 * ```
 */
export function restoreSpikeDetector(state: SpikeDetectorState): SpikeDetector {
  const o = resolveSpikeOptions(state.options);
  return shell(new Engine(o, state.bucketMs, state.phaseMs, state));
}

/**
 * Merges the states of two detectors that counted different mentions (shards) over the same buckets.
 *
 * The result is the state of one detector that had been pushed the summed buckets: counts, negatives and authors
 * add up bucket by bucket; a bucket present in either shard is present; an unknown `negative` or `authors` in
 * either shard stays unknown. Authors add up too, which is exact when shards split by author (one person's
 * mentions in one shard) and an upper bound otherwise. Both states must use the same options, bucket size and
 * grid; they may have reached different buckets. Merging is commutative and associative.
 *
 * @example
 * ```ts
 * const merged = restoreSpikeDetector(mergeSpikeStates(shardA.getState(), shardB.getState()));
 * ```
 */
export function mergeSpikeStates(a: SpikeDetectorState, b: SpikeDetectorState): SpikeDetectorState {
  if (stableJson(a.options) !== stableJson(b.options)) {
    throw new RapportInputError('Cannot merge spike detector states made with different options.', [
      { path: 'options', message: 'must be the same in both states' },
    ]);
  }
  if (a.bucketMs !== b.bucketMs || a.ring !== b.ring) {
    throw new RapportInputError('Cannot merge spike detector states with different bucket sizes.', [
      { path: 'bucketMs', message: 'must be the same in both states' },
    ]);
  }
  if (a.last === null) return copyState(b);
  if (b.last === null) return copyState(a);
  if (a.phaseMs !== b.phaseMs) {
    throw new RapportInputError('Cannot merge spike detector states on different bucket grids.', [
      { path: 'phaseMs', message: 'must be the same in both states' },
    ]);
  }
  const R = a.ring;
  const last = Math.max(a.last, b.last);
  const out: SpikeDetectorState = {
    ...copyState(a),
    last,
    count: new Array<number>(R).fill(MISSING),
    negative: new Array<number>(R).fill(MISSING),
    authors: new Array<number>(R).fill(MISSING),
  };
  const at = (s: SpikeDetectorState, arr: number[], i: number): number | null => {
    if (i > s.last! || i <= s.last! - R) return null;
    const p = positiveMod(i, R);
    return s.count[p]! < 0 ? null : arr[p]!;
  };
  const combine = (x: number | null, y: number | null): number => {
    if (x === null) return y ?? MISSING;
    if (y === null) return x;
    return x < 0 || y < 0 ? MISSING : x + y;
  };
  for (let i = last - R + 1; i <= last; i++) {
    const p = positiveMod(i, R);
    const ca = at(a, a.count, i);
    const cb = at(b, b.count, i);
    if (ca === null && cb === null) continue;
    out.count[p] = (ca ?? 0) + (cb ?? 0);
    out.negative[p] = combine(at(a, a.negative, i), at(b, b.negative, i));
    out.authors[p] = combine(at(a, a.authors, i), at(b, b.authors, i));
  }
  return out;
}

function copyState(s: SpikeDetectorState): SpikeDetectorState {
  return {
    ...s,
    options: structuredCloneOptions(s.options),
    count: [...s.count],
    negative: [...s.negative],
    authors: [...s.authors],
  };
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value,
  );
}

/** Internal: a detector on a given bucket size and grid (for batch detection). */
export function createDetectorOnGrid(o: ResolvedSpikeOptions, bucketMs: number, phaseMs: number) {
  const engine = new Engine(o, bucketMs, phaseMs);
  return (index: number, bucket: SeriesBucket) => engine.push(index, bucket);
}

/** "the hour" rather than "the 1 hour": a span after "over the". */
function overWords(n: number, bucketMs: number): string {
  const span = spanWords(n, bucketMs);
  return span.startsWith('1 ') ? span.slice(2) : span;
}
