import { parseInstant } from '../model/instant';
import type { Mention } from '../model/schemas';
import type { ExplainSpikeOptions, Spike, SpikeTerm } from './types';
import { percent } from './words';

const DAY = 86_400_000;
/** Only the start of a long text is read for terms, so hostile megabyte texts cost bounded time. */
const MAX_CHARS = 2_000;
const MAX_TOKENS = 200;

/** Common words in English, French, Spanish, German and Dutch that say nothing about what went wrong. */
const STOP_WORDS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'the a an and or but if then than so to of in on at by for from with without about into over under up down out ' +
    "is are was were be been being am do does did done have has had having it its it's this that these those there " +
    'here what which who whom whose when where why how all any both each few more most other some such no nor not ' +
    'only own same too very can will just should would could may might must shall i me my mine we us our ours you ' +
    "your yours he him his she her hers they them their theirs im i'm ive i've dont don't didnt didn't cant " +
    "can't wont won't youre you're thats that's get got getting still also again even really one two like just " +
    'now today yesterday please thanks thank hi hello hey via amp http https www com rt ' +
    'le la les un une des du de et ou mais est sont pas pour par sur avec dans ce ces je tu il elle nous vous ils ' +
    'el los las y o pero es son no por para con en lo que se mi su ' +
    'der die das und oder aber ist sind nicht für mit auf ich du er sie wir ihr ' +
    'het een en of maar is zijn niet voor met op ik je hij wij jullie'
  ).split(' '),
);

/**
 * The distinct words of a text, lower-cased, for spike explanations: letters and digits (any script), hashtags
 * kept whole, stop words, numbers, links and one- or two-letter words dropped. Reads at most the first 2,000
 * characters and returns at most 200 words, so any text costs bounded time.
 *
 * @example
 * ```ts
 * tokenizeForTerms('My parcel is LATE again #DeliveryFail'); // ['parcel', 'late', '#deliveryfail']
 * ```
 */
export function tokenizeForTerms(text: string): string[] {
  const head = text
    .slice(0, MAX_CHARS)
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ');
  const out = new Set<string>();
  for (const match of head.matchAll(/[#@]?[\p{L}\p{N}][\p{L}\p{N}\p{M}_'’]*/gu)) {
    let word = match[0].replace(/['’]+$/, '').replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (word.startsWith('@')) continue;
    if (word.length < 3 || STOP_WORDS.has(word) || /^#?\p{N}+$/u.test(word)) continue;
    out.add(word);
    if (out.size >= MAX_TOKENS) break;
  }
  return [...out];
}

function engagement(m: Mention): number {
  const x = m.metrics;
  return x ? x.likes + x.replies + 2 * x.reposts + x.quotes : 0;
}

/**
 * Explains a spike from the mentions behind it: the words that stand out, a few sample mentions and the
 * department that should look.
 *
 * The spike's mentions are those created in [`start`, `end`) that `include` counts (default: inbound) and, when the
 * spike has a `key`, whose `keyOf` (or `departmentOf` for department keys) equals it. They are compared with the
 * mentions of the `baselineMs` (default 7 days) before `start`. A term's lift is its smoothed share of spike
 * mentions over its share of baseline mentions; terms need at least two mentions from two people and a lift of
 * 1.5, and are ranked by count × log(lift). Samples come from different people, favouring mentions with top terms
 * (negative ones first for a negative-share spike) and engagement. The department is kept from the key, or is
 * the dominant `departmentOf` among the spike's mentions. A reason is added for each finding. Returns a new
 * spike; the input is not changed. Linear in the number of mentions; each text costs bounded time.
 *
 * @example
 * ```ts
 * const explained = explainSpike(spike, mentions, { departmentOf: (m) => myRouter(m) });
 * explained.topTerms; // [{ term: 'refund', count: 41, lift: 12.5 }, ...]
 * ```
 */
export function explainSpike(
  spike: Spike,
  mentions: readonly Mention[],
  options: ExplainSpikeOptions = {},
): Spike {
  const start = parseInstant(spike.start);
  const end = parseInstant(spike.end);
  const baselineStart = start - (options.baselineMs ?? 7 * DAY);
  const include = options.include ?? ((m: Mention) => m.direction === 'inbound');
  const keyOf =
    options.keyOf ??
    (spike.department !== undefined && spike.department === spike.key
      ? options.departmentOf
      : undefined);
  const inSeries = (m: Mention) =>
    include(m) && (spike.key === undefined || !keyOf || keyOf(m) === spike.key);
  const inSpike: Mention[] = [];
  const baseline: Mention[] = [];
  for (const m of mentions) {
    const t = parseInstant(m.createdAt);
    if (!(t >= baselineStart && t < end) || !inSeries(m)) continue;
    (t >= start ? inSpike : baseline).push(m);
  }
  const focus =
    spike.kind === 'negative_share' && options.isNegative
      ? inSpike.filter((m) => options.isNegative!(m))
      : inSpike;
  const windowTerms = new Map<string, { count: number; authors: Set<string> }>();
  const termsOf = new Map<Mention, string[]>();
  for (const m of focus) {
    const terms = tokenizeForTerms(m.text);
    termsOf.set(m, terms);
    for (const term of terms) {
      let e = windowTerms.get(term);
      if (!e) windowTerms.set(term, (e = { count: 0, authors: new Set() }));
      e.count++;
      e.authors.add(m.author.id);
    }
  }
  const baseCounts = new Map<string, number>();
  for (const m of baseline) {
    for (const term of tokenizeForTerms(m.text)) {
      if (windowTerms.has(term)) baseCounts.set(term, (baseCounts.get(term) ?? 0) + 1);
    }
  }
  const W = focus.length;
  const B = baseline.length;
  const scored: (SpikeTerm & { score: number })[] = [];
  for (const [term, e] of windowTerms) {
    if (e.count < 2 || e.authors.size < 2) continue;
    const lift = (e.count + 0.5) / (W + 1) / (((baseCounts.get(term) ?? 0) + 0.5) / (B + 1));
    if (lift < 1.5) continue;
    scored.push({
      term,
      count: e.count,
      lift: Math.round(lift * 10) / 10,
      score: e.count * Math.log(lift),
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const topTerms = scored
    .slice(0, options.maxTerms ?? 8)
    .map(({ term, count, lift }) => ({ term, count, lift }));
  const top = new Set(topTerms.map((t) => t.term));
  const negativeFirst = spike.kind === 'negative_share' && options.isNegative;
  const ranked = focus
    .map((m) => ({
      m,
      hits: (termsOf.get(m) ?? []).filter((t) => top.has(t)).length,
      negative: negativeFirst ? (options.isNegative!(m) ? 1 : 0) : 0,
    }))
    .sort(
      (a, b) =>
        b.negative - a.negative ||
        b.hits - a.hits ||
        engagement(b.m) - engagement(a.m) ||
        parseInstant(a.m.createdAt) - parseInstant(b.m.createdAt) ||
        (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0),
    );
  const sampleMentionIds: string[] = [];
  const seenAuthors = new Set<string>();
  for (const { m } of ranked) {
    if (sampleMentionIds.length >= (options.maxSamples ?? 5)) break;
    if (seenAuthors.has(m.author.id)) continue;
    seenAuthors.add(m.author.id);
    sampleMentionIds.push(m.id);
  }
  const reasons = [...spike.reasons];
  if (topTerms.length) {
    reasons.push(
      `Words standing out: ${topTerms
        .slice(0, 5)
        .map((t) => `"${t.term}" (${t.count} mentions, ${t.lift}× usual)`)
        .join(', ')}.`,
    );
  }
  let department = spike.department;
  if (department === undefined && options.departmentOf && inSpike.length) {
    const counts = new Map<string, number>();
    for (const m of inSpike) {
      const d = options.departmentOf(m);
      if (d !== undefined) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!best || entry[1] > best[1]) best = entry;
    }
    if (best) {
      department = best[0];
      reasons.push(
        `${department} should look: ${percent(best[1] / inSpike.length)} of the mentions in the spike are for ${department}.`,
      );
    }
  }
  return {
    ...spike,
    reasons,
    ...(department !== undefined && { department }),
    topTerms,
    sampleMentionIds,
  };
}
