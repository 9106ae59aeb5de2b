import type { Mention } from '../model/schemas';
import { analyzeText } from '../text';
import type { Intent, TextSignals } from '../text/types';
import { compilePhrases, keywordTokens, type PhraseMatcher } from './phrases';
import type {
  Department,
  IntentDepartments,
  Routing,
  RoutingCondition,
  RoutingConfig,
  RoutingRule,
} from './types';

/**
 * The departments Rapport routes to out of the box. Rename, add or remove them with `RoutingConfig.departments`.
 *
 * Marketing comes last: it receives what no one else should act on first (praise, partnerships, chatter).
 *
 * @example
 * ```ts
 * const departments = [...DEFAULT_DEPARTMENTS, { id: 'legal', name: 'Legal' }];
 * ```
 */
export const DEFAULT_DEPARTMENTS: readonly Department[] = [
  {
    id: 'service',
    name: 'Customer service',
    description: 'Complaints, questions, accounts, billing, cancellations.',
  },
  { id: 'product', name: 'Product', description: 'Bugs and feature requests.' },
  { id: 'sales', name: 'Sales', description: 'People who want to buy.' },
  { id: 'logistics', name: 'Logistics', description: 'Deliveries, returns and stock.' },
  { id: 'hr', name: 'People (HR)', description: 'Job seekers and employees.' },
  { id: 'marketing', name: 'Marketing', description: 'Praise, partnerships and everything else.' },
];

/**
 * Which department the default model sends each intent to.
 *
 * Specific intents (delivery, billing, bug, …) beat the general ones (`complaint`, `question`), which go to
 * service; praise, partnerships and spam go to marketing.
 *
 * @example
 * ```ts
 * const intentDepartments = { ...DEFAULT_INTENT_DEPARTMENTS, job_inquiry: 'people' };
 * ```
 */
export const DEFAULT_INTENT_DEPARTMENTS: Readonly<Record<Intent, string>> = {
  delivery_issue: 'logistics',
  feature_request: 'product',
  bug_report: 'product',
  purchase_intent: 'sales',
  job_inquiry: 'hr',
  billing_issue: 'service',
  account_issue: 'service',
  cancellation: 'service',
  complaint: 'service',
  question: 'service',
  partnership: 'marketing',
  praise: 'marketing',
  spam: 'marketing',
};

/** Intents tried first by the default model: the highest confidence among them wins. */
const SPECIFIC_INTENTS: readonly Intent[] = [
  'delivery_issue',
  'billing_issue',
  'account_issue',
  'cancellation',
  'bug_report',
  'feature_request',
  'purchase_intent',
  'job_inquiry',
  // A partnership offer is as specific as a job inquiry: "love to collab" is not a feature request.
  'partnership',
];
/** Then these (general needs of a person), then the rest. */
const GENERAL_INTENTS: readonly Intent[] = ['complaint', 'question'];
const OTHER_INTENTS: readonly Intent[] = ['praise', 'spam'];

const INTENT_WORDS: Record<Intent, string> = {
  complaint: 'complaint',
  question: 'question',
  praise: 'praise',
  purchase_intent: 'wants to buy',
  feature_request: 'feature request',
  bug_report: 'bug report',
  delivery_issue: 'delivery problem',
  billing_issue: 'billing problem',
  account_issue: 'account problem',
  cancellation: 'wants to cancel',
  job_inquiry: 'job inquiry',
  partnership: 'partnership offer',
  spam: 'looks like spam',
};

const FALLBACK_CONFIDENCE = 0.2;
const DEFAULT_MIN_INTENT = 0.35;

interface CompiledRule {
  rule: RoutingRule;
  any: number[];
  all: number[];
  none: number[];
  tags?: Set<string>;
  tiers?: Set<string>;
  ids?: Set<string>;
}

/** Routing rules and settings compiled once, to route many mentions fast. */
export interface CompiledRouting {
  readonly departments: readonly Department[];
  /** Routes one mention; `signals` are its text's signals (analyzed with `analyzeText` when needed and not given). */
  route(mention: Mention, signals?: TextSignals): Routing;
}

/**
 * Compiles routing rules and settings: checks that every department named exists and builds one keyword
 * automaton for all rules, so routing a mention costs one pass over its words whatever the number of rules.
 *
 * Keywords are matched on whole words; a keyword in a script written without spaces between words (Chinese,
 * Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) is also found inside a longer run of text: `'退款'` matches
 * "我要退款".
 *
 * Throws a `RangeError` naming the rule when a rule or mapping names an unknown department, repeats a rule id,
 * has a keyword with no letters, digits or emoji (`'$$$'`, `'!!!'`, `''`), which could never be found, or has an
 * empty "any of" list (`keywords: []`, `platforms: []`: leave the condition out to match any).
 *
 * @example
 * ```ts
 * const routing = compileRouting({ rules: [{ id: 'legal', when: { keywords: ['lawyer'] }, then: { department: 'service', needsApproval: 'legal' } }] });
 * routing.route(mention, signals).department; // 'service'
 * ```
 */
export function compileRouting(
  config: RoutingConfig | readonly RoutingRule[] = {},
): CompiledRouting {
  const cfg: RoutingConfig = isRuleList(config) ? { rules: [...config] } : config;
  const departments = cfg.departments ?? DEFAULT_DEPARTMENTS;
  const known = new Map(departments.map((d) => [d.id, d]));
  const fallback =
    cfg.fallbackDepartment ?? (known.has('marketing') ? 'marketing' : departments.at(-1)?.id);
  if (fallback === undefined || !known.has(fallback)) {
    throw new RangeError(
      `Routing: the fallback department "${String(fallback)}" is not a known department.`,
    );
  }
  const unclear =
    cfg.unclearNeedDepartment ?? (known.has('service') ? 'service' : (fallback as string));
  if (!known.has(unclear)) {
    throw new RangeError(
      `Routing: the unclear-need department "${String(unclear)}" is not a known department.`,
    );
  }
  const intentDepartments: IntentDepartments = cfg.intentDepartments
    ? { ...DEFAULT_INTENT_DEPARTMENTS, ...cfg.intentDepartments }
    : DEFAULT_INTENT_DEPARTMENTS;
  // Defaults naming a department the company removed fall through; a mapping the company wrote must be right.
  for (const [intent, dept] of Object.entries(cfg.intentDepartments ?? {})) {
    if (dept !== undefined && !known.has(dept)) {
      throw new RangeError(`Routing: intent "${intent}" goes to unknown department "${dept}".`);
    }
  }
  const minIntent = cfg.minIntentConfidence ?? DEFAULT_MIN_INTENT;

  const phrases: string[] = [];
  const phraseIndex = new Map<string, number>();
  const indexOf = (phrase: string): number => {
    const key = keywordTokens(phrase).join(' ');
    let i = phraseIndex.get(key);
    if (i === undefined) {
      i = phrases.length;
      phrases.push(key);
      phraseIndex.set(key, i);
    }
    return i;
  };
  const seenIds = new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const rule of cfg.rules ?? []) {
    if (seenIds.has(rule.id)) throw new RangeError(`Routing: rule id "${rule.id}" is used twice.`);
    seenIds.add(rule.id);
    const dept = rule.then.department;
    if (dept !== undefined && !known.has(dept)) {
      throw new RangeError(`Routing: rule "${rule.id}" routes to unknown department "${dept}".`);
    }
    const w = rule.when;
    const empty = emptyAnyOf(w);
    if (empty) {
      throw new RangeError(
        `Routing: rule "${rule.id}" has an empty ${empty} list, which no message could match: remove it to ` +
          'match any, or list at least one.',
      );
    }
    for (const list of [w.keywords, w.allKeywords, w.noneKeywords]) {
      for (const keyword of list ?? []) {
        const problem = keywordProblem(keyword);
        if (problem) throw new RangeError(`Routing: rule "${rule.id}" ${problem}`);
      }
    }
    if (rule.enabled === false) continue;
    const words = (list?: string[]) =>
      (list ?? []).filter((p) => keywordTokens(p).length > 0).map(indexOf);
    compiled.push({
      rule,
      any: words(w.keywords),
      all: words(w.allKeywords),
      none: words(w.noneKeywords),
      ...(w.tags && { tags: new Set(w.tags.map((t) => t.toLowerCase())) }),
      ...(w.author?.tiers && { tiers: new Set(w.author.tiers.map((t) => t.toLowerCase())) }),
      ...(w.author?.ids && { ids: new Set(w.author.ids) }),
    });
  }
  const matcher: PhraseMatcher | undefined = phrases.length ? compilePhrases(phrases) : undefined;
  // Keywords in scripts written without spaces between words (Chinese, Japanese, Thai, …) are found inside words.
  const unspaced = phrases.flatMap((p, i) => (UNSPACED.test(p) ? [i] : []));

  const nameOf = (id: string) => known.get(id)?.name ?? id;

  // Per tier, the intents whose department exists, worked out once instead of on every mention.
  const tiers: Intent[][] = [SPECIFIC_INTENTS, GENERAL_INTENTS, OTHER_INTENTS].map((tier) =>
    tier.filter((intent) => {
      const dept = intentDepartments[intent];
      return dept !== undefined && known.has(dept);
    }),
  );

  function modelRoute(signals: TextSignals): Omit<Routing, 'priorityBoost' | 'tags'> {
    const intents = signals.intents;
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t]!;
      let best: Intent | undefined;
      let bestConfidence = minIntent;
      for (let k = 0; k < tier.length; k++) {
        const intent = tier[k]!;
        const c = intents[intent] ?? 0;
        if (c >= bestConfidence && (best === undefined || c > bestConfidence)) {
          best = intent;
          bestConfidence = c;
        }
      }
      if (best !== undefined) {
        const dept = intentDepartments[best]!;
        return {
          department: dept,
          confidence: round2(bestConfidence),
          decidedBy: 'model',
          reasons: [modelReason(best, dept, bestConfidence)],
        };
      }
    }
    if (unclear !== fallback && readsLikeANeed(signals)) {
      return {
        department: unclear,
        confidence: FALLBACK_CONFIDENCE,
        decidedBy: 'fallback',
        reasons: [unclearReason],
      };
    }
    return {
      department: fallback!,
      confidence: FALLBACK_CONFIDENCE,
      decidedBy: 'fallback',
      reasons: [fallbackReason],
    };
  }

  // The model's reasons take few distinct values (intent × whole percent): each is built once and shared, so a
  // triage holding a million decisions does not hold a million copies of the same words.
  const fallbackReason = `No clear need for another department, so ${nameOf(fallback)} looks first`;
  const unclearReason = `Unclear what they need, but it reads like a problem or a question, so ${nameOf(unclear)} looks first`;
  const modelReasons = new Map<Intent, string[]>();
  function modelReason(intent: Intent, dept: string, confidence: number): string {
    const percent = Math.round(confidence * 100);
    let list = modelReasons.get(intent);
    if (!list) modelReasons.set(intent, (list = []));
    let reason = percent >= 0 && percent <= 100 ? list[percent] : undefined;
    if (reason === undefined) {
      reason = `${capitalise(INTENT_WORDS[intent])} (${pct(confidence)} sure) goes to ${nameOf(dept)}`;
      if (percent >= 0 && percent <= 100) list[percent] = reason;
    }
    return reason;
  }

  // One lazily filled context reused by every call (routing is synchronous): no closures per mention.
  const ctx: MatchContext = {
    mention: undefined!,
    signals: undefined,
    found: undefined,
    matcher,
    phrases,
    unspaced,
  };
  const signals = () => (ctx.signals ??= analyzeText(ctx.mention.text));

  function route(mention: Mention, given?: TextSignals): Routing {
    ctx.mention = mention;
    ctx.signals = given;
    ctx.found = undefined;
    for (const c of compiled) {
      const why = matches(c, ctx, phrases);
      if (!why) continue;
      const action = c.rule.then;
      const label = c.rule.description
        ? `Rule "${c.rule.id}" (${c.rule.description})`
        : `Rule "${c.rule.id}"`;
      const base = action.department
        ? {
            department: action.department,
            confidence: 1,
            decidedBy: 'rule' as const,
            reasons: [
              `${label} matched${why.length ? `: ${why.join(', ')}` : ''}; it sends this to ${nameOf(action.department)}`,
            ],
          }
        : (() => {
            const m = modelRoute(signals());
            return {
              ...m,
              reasons: [`${label} matched${why.length ? `: ${why.join(', ')}` : ''}`, ...m.reasons],
            };
          })();
      const reasons = [...base.reasons];
      if (action.priorityBoost)
        reasons.push(
          `Priority ${action.priorityBoost > 0 ? '+' : ''}${action.priorityBoost} from the rule`,
        );
      if (action.needsApproval)
        reasons.push(`Answer needs ${action.needsApproval} approval before it goes out`);
      return {
        ...base,
        matchedRule: c.rule.id,
        priorityBoost: action.priorityBoost ?? 0,
        tags: action.tags ? [...action.tags] : [],
        ...(action.slaPolicy !== undefined && { slaPolicy: action.slaPolicy }),
        ...(action.needsApproval !== undefined && { needsApproval: action.needsApproval }),
        reasons,
      };
    }
    // A literal of fixed shape (a spread here gave every routing its own hidden class).
    const m = modelRoute(signals());
    return {
      department: m.department,
      confidence: m.confidence,
      decidedBy: m.decidedBy,
      reasons: m.reasons,
      priorityBoost: 0,
      tags: [],
    };
  }

  return { departments, route };
}

const cache = new WeakMap<object, CompiledRouting>();
let defaultRouting: CompiledRouting | undefined;

/**
 * Decides which department should act on a mention, and why.
 *
 * Rules are tried in order and the first whose conditions all hold wins; a rule without a department leaves the
 * department to the default model but still applies its boost, tags, SLA policy and approval. The default model
 * reads the text's intents: delivery → logistics, bugs and feature requests → product, buying → sales, jobs → hr,
 * billing, account, cancellation, complaints and questions → service; praise, partnerships and the rest →
 * marketing. A message no intent decides but that reads like a need (a negative tone, a weak problem or question
 * cue, text the analyzer cannot read) goes to service (`unclearNeedDepartment`), so an unrecognised complaint
 * does not wait in marketing. Without `signals` the text is analyzed with `analyzeText`, only when a rule or the model needs it.
 * `rules` may be a rule list, a {@link RoutingConfig} or a {@link CompiledRouting}; lists and configs are compiled
 * once and cached per object, so pass the same object each time.
 *
 * @example
 * ```ts
 * const routing = routeMention(mention, [{ id: 'vip', when: { author: { tiers: ['vip'] } }, then: { department: 'service', priorityBoost: 20 } }], signals);
 * routing.department; // 'service'
 * routing.reasons; // ['Rule "vip" matched: author tier vip; it sends this to Customer service', 'Priority +20 from the rule']
 * ```
 */
export function routeMention(
  mention: Mention,
  rules?: readonly RoutingRule[] | RoutingConfig | CompiledRouting,
  signals?: TextSignals,
): Routing {
  let compiled: CompiledRouting;
  if (rules === undefined) compiled = defaultRouting ??= compileRouting();
  else if ('route' in rules && typeof rules.route === 'function') compiled = rules;
  else {
    const key = rules as object;
    let c = cache.get(key);
    if (!c) {
      c = compileRouting(rules as RoutingConfig | readonly RoutingRule[]);
      cache.set(key, c);
    }
    compiled = c;
  }
  return compiled.route(mention, signals);
}

function isRuleList(
  config: RoutingConfig | readonly RoutingRule[],
): config is readonly RoutingRule[] {
  return Array.isArray(config);
}

/** What one routing call knows about its mention, filled lazily (signals and keyword hits cost time). */
interface MatchContext {
  mention: Mention;
  signals: TextSignals | undefined;
  found: Set<number> | undefined;
  matcher: PhraseMatcher | undefined;
  /** Every compiled phrase, its words separated by one space. */
  phrases: readonly string[];
  /** Indices of the phrases holding a script written without spaces, matched inside words too. */
  unspaced: readonly number[];
}

const NO_PHRASES: ReadonlySet<number> = new Set();

function foundPhrases(ctx: MatchContext): ReadonlySet<number> {
  if (ctx.found) return ctx.found;
  const text = ctx.mention.text;
  const found = ctx.matcher ? ctx.matcher.matchText(text) : (NO_PHRASES as Set<number>);
  // Only text outside ASCII can hold those scripts; the normalised words are built once per mention.
  if (ctx.unspaced.length && !isAscii(text)) {
    const words = ` ${keywordTokens(text).join(' ')} `;
    for (const i of ctx.unspaced) {
      if (!found.has(i) && containsUnspaced(words, ctx.phrases[i]!)) found.add(i);
    }
  }
  return (ctx.found = found);
}

/**
 * Scripts whose words are not separated by spaces: a keyword in them is found inside the text's words
 * ("退款" in "我要退款"). Korean is written with spaces and keeps whole-word matching.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/**
 * Whether `phrase` (normalised words) occurs in `words` (the text's normalised words, with a space at each
 * end). Inside unspaced script the phrase may start or end mid-word; where it starts or ends with another
 * letter or digit, that end must fall on a word boundary, so "app退款" does not match inside "happ退款".
 */
function containsUnspaced(words: string, phrase: string): boolean {
  const openStart = UNSPACED.test(String.fromCodePoint(phrase.codePointAt(0)!));
  const openEnd = UNSPACED.test(lastCharacter(phrase));
  for (let at = words.indexOf(phrase); at >= 0; at = words.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if ((openStart || words[at - 1] === ' ') && (openEnd || words[end] === ' ')) return true;
  }
  return false;
}

function lastCharacter(s: string): string {
  const low = s.charCodeAt(s.length - 1);
  return low >= 0xdc00 && low <= 0xdfff ? s.slice(-2) : s.slice(-1);
}

/**
 * The first "any of these" list of a condition that is empty (`keywords: []`, `platforms: []`), if any: "any of
 * nothing" is never true, yet a form with nothing ticked writes one, so it is refused rather than read either way.
 */
function emptyAnyOf(w: RoutingCondition): string | undefined {
  const lists: [string, readonly unknown[] | undefined][] = [
    ['keywords', w.keywords],
    ['platforms', w.platforms],
    ['channels', w.channels],
    ['directions', w.directions],
    ['intents', w.intents],
    ['sentiment.labels', w.sentiment?.labels],
    ['tags', w.tags],
    ['author.tiers', w.author?.tiers],
    ['author.ids', w.author?.ids],
  ];
  return lists.find(([, list]) => list !== undefined && list.length === 0)?.[0];
}

/** Why a routing keyword can never match (in words a person who wrote the rule understands), or undefined. */
function keywordProblem(keyword: string): string | undefined {
  if (keywordTokens(keyword).length > 0) return undefined;
  const shown = keyword.trim() === '' ? 'an empty keyword' : `the keyword "${keyword}"`;
  return (
    `has ${shown}, which holds no letters, digits or emoji. Keywords are matched on whole words and ` +
    'punctuation and symbols are ignored, so it could never be found: remove it or write it as a word.'
  );
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Whether a message no intent decided still reads like somebody needs something: a negative tone, any weak cue of
 * a problem, a question or urgency, or text the analyzer cannot read (its "not English" cue has no text).
 */
function readsLikeANeed(signals: TextSignals): boolean {
  if (signals.sentiment.score < 0 || signals.urgency > 0) return true;
  const i = signals.intents;
  for (const intent of NEED_INTENTS) if ((i[intent] ?? 0) > 0) return true;
  return signals.cues.some((c) => c.kind === 'sentiment' && c.text === '' && c.end === 0);
}

/** Intents that, however weak, mean a person wants something done (praise, partnership and spam do not). */
const NEED_INTENTS: readonly Intent[] = [
  ...SPECIFIC_INTENTS.filter((i) => i !== 'partnership'),
  'complaint',
  'question',
];

/** Returns the matched facts in words when every condition holds, or undefined. */
function matches(
  c: CompiledRule,
  ctx: MatchContext,
  phrases: readonly string[],
): string[] | undefined {
  const mention = ctx.mention;
  const w: RoutingCondition = c.rule.when;
  const why: string[] = [];
  if (w.platforms && !w.platforms.includes(mention.platform)) return undefined;
  if (w.platforms) why.push(`platform ${mention.platform}`);
  if (w.channels && !w.channels.includes(mention.channel)) return undefined;
  if (w.channels) why.push(`${mention.channel} channel`);
  if (w.directions && !w.directions.includes(mention.direction)) return undefined;
  const a = w.author;
  if (a) {
    const au = mention.author;
    if (a.minFollowers !== undefined && au.followers < a.minFollowers) return undefined;
    if (a.maxFollowers !== undefined && au.followers > a.maxFollowers) return undefined;
    if (a.minFollowers !== undefined) why.push(`${au.followers} followers`);
    if (a.verified !== undefined && au.verified !== a.verified) return undefined;
    if (a.verified) why.push('verified author');
    if (a.isStaff !== undefined && au.isStaff !== a.isStaff) return undefined;
    if (a.isStaff) why.push('author is staff');
    if (a.isBrand !== undefined && au.isBrand !== a.isBrand) return undefined;
    if (a.isBot !== undefined && au.isBot !== a.isBot) return undefined;
    if (c.tiers && !(au.tier !== undefined && c.tiers.has(au.tier.toLowerCase()))) return undefined;
    if (c.tiers) why.push(`author tier ${au.tier}`);
    if (c.ids && !c.ids.has(au.id)) return undefined;
    if (c.ids) why.push(`author ${au.handle || au.id}`);
    if (a.minLifetimeValue !== undefined && !((au.lifetimeValue ?? 0) >= a.minLifetimeValue))
      return undefined;
    if (a.minLifetimeValue !== undefined) why.push(`lifetime value ${au.lifetimeValue}`);
  }
  if (c.tags) {
    const tag = mention.tags?.find((t) => c.tags!.has(t.toLowerCase()));
    if (tag === undefined) return undefined;
    why.push(`tag ${tag}`);
  }
  // A keyword list that was given but kept nothing must not match everything (compileRouting rejects such
  // keywords; this holds even if one slipped through).
  if (w.keywords?.length && !c.any.length) return undefined;
  if (w.allKeywords?.length && !c.all.length) return undefined;
  if (c.any.length || c.all.length || c.none.length) {
    const found = foundPhrases(ctx);
    if (c.any.length) {
      const hit = c.any.find((i) => found.has(i));
      if (hit === undefined) return undefined;
      why.push(`keyword "${phrases[hit]}"`);
    }
    if (c.all.length) {
      if (!c.all.every((i) => found.has(i))) return undefined;
      why.push(`keywords ${c.all.map((i) => `"${phrases[i]}"`).join(' and ')}`);
    }
    if (c.none.some((i) => found.has(i))) return undefined;
  }
  if (w.intents || w.sentiment || w.minUrgency !== undefined) {
    const signals = (ctx.signals ??= analyzeText(mention.text));
    if (w.intents) {
      const hit = w.intents.find((ic) => (signals.intents[ic.intent] ?? 0) >= (ic.min ?? 0.5));
      if (!hit) return undefined;
      why.push(`${INTENT_WORDS[hit.intent]} (${pct(signals.intents[hit.intent] ?? 0)} sure)`);
    }
    const s = w.sentiment;
    if (s) {
      if (s.labels && !s.labels.includes(signals.sentiment.label)) return undefined;
      if (s.min !== undefined && signals.sentiment.score < s.min) return undefined;
      if (s.max !== undefined && signals.sentiment.score > s.max) return undefined;
      why.push(`${signals.sentiment.label} tone (${signals.sentiment.score.toFixed(2)})`);
    }
    if (w.minUrgency !== undefined) {
      if (signals.urgency < w.minUrgency) return undefined;
      why.push(`urgency ${pct(signals.urgency)}`);
    }
  }
  return why;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
