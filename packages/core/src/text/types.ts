/** What a message is about. A message can be several at once (a complaint that is also a question). */
export const INTENTS = [
  'complaint',
  'question',
  'praise',
  'purchase_intent',
  'feature_request',
  'bug_report',
  'delivery_issue',
  'billing_issue',
  'account_issue',
  'cancellation',
  'job_inquiry',
  'partnership',
  'spam',
] as const;

export type Intent = (typeof INTENTS)[number];

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** Overall tone: `score` from -1 (very negative) to 1 (very positive). */
export interface Sentiment {
  score: number;
  label: SentimentLabel;
}

/** The family a cue belongs to, so a UI can group and colour them. */
export type CueKind =
  | 'sentiment'
  | 'negation'
  | 'intensifier'
  | 'caps'
  | 'punctuation'
  | 'emoji'
  | 'emoticon'
  | 'hashtag'
  | 'elongation'
  | 'intent'
  | 'urgency'
  | 'hype'
  | 'mention'
  | 'url';

/** A word or pattern in the text that changed a signal, with where it is (UTF-16 offsets, end exclusive). */
export interface Cue {
  kind: CueKind;
  /** The text that fired, as written. */
  text: string;
  start: number;
  end: number;
  /** What it did, in words: "negated 'good'", "ALL CAPS intensifies", "delivery problem". */
  effect: string;
  /** The signal it moved and by how much (sentiment valence, intent name, 'urgency', 'hype'). */
  target?: string;
  weight?: number;
}

/** Everything Rapport reads from one piece of text. All numbers are in 0..1 except `sentiment.score` (-1..1). */
export interface TextSignals {
  sentiment: Sentiment;
  /** A 0..1 confidence for every intent (all keys present). */
  intents: Record<Intent, number>;
  /** How soon a person should answer: waiting, repeated contact, deadlines, safety, legal threats, cancelling. */
  urgency: number;
  /** How salesy or promotional the text is. */
  hype: number;
  /**
   * 0..1: safety hazards, legal threats, data breaches, boycotts: things that can become a crisis for the company.
   * Optional so that analyzers you plug in need not provide it (scoring reads a missing value as 0).
   */
  crisis?: number;
  cues: Cue[];
}

export interface AnalyzeOptions {
  /** BCP 47 language tag; the built-in analyzer reads English and says so in a cue when it cannot. */
  lang?: string;
  /** Stop reading after this many UTF-16 code units (default 20,000) so hostile input costs bounded time. */
  maxLength?: number;
}

/** Anything that turns text into signals: the built-in lexicon analyzer, or an LLM or transformer you plug in. */
export interface Analyzer {
  readonly name: string;
  analyze(text: string, options?: AnalyzeOptions): TextSignals;
}

/** An analyzer that answers asynchronously (a model behind an API, a worker). */
export interface AsyncAnalyzer {
  readonly name: string;
  analyze(text: string, options?: AnalyzeOptions): Promise<TextSignals>;
}
