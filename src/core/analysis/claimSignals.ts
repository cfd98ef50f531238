/**
 * The named signals a sentence is scored on. Each is a small function of what the cue rules found in
 * the sentence (`SentenceFacts`, worked out once in claims.ts) and returns its evidence (the words
 * that made it fire, possibly empty) or null. Each has a description a journalist can read, used as
 * the claim's reason, and the weight the hand-written rules gave it: the trained classifier
 * (claimModel.ts) starts from those weights and learns from data where to move away from them.
 * Signals with weight 0 are new: only the classifier weighs them.
 */
import type { Language, NumberFinding } from './types';

/** What the cue rules found in one sentence. Phrases are the words that matched, for the reasons. */
export interface SentenceFacts {
  sentence: string;
  language: Language;
  /** Words of the sentence, the first one lowered (a sentence-initial verb is capitalised only because it comes first). */
  words: string[];
  /** How many of `words` begin with a letter or digit. */
  wordCount: number;
  figures: NumberFinding[];
  dates: NumberFinding[];
  /** Canonical names of the named entities in the sentence, without duplicates. */
  names: string[];
  collectiveActor: string | null;
  unnamedGroup: string | null;
  /** The verb that asserts an event, and whether it is a full verb rather than only an auxiliary or copula. */
  event: string | null;
  fullVerb: boolean;
  /** The event's verb was found by its place in the sentence, not in the word lists. */
  eventByPosition: boolean;
  /** A ge-/-ed participle somewhere in the sentence (makes an auxiliary a perfect or passive). */
  participle: boolean;
  /** Phrases of cue categories that count for the sentence (attribution, comparison, …). */
  cues: ReadonlyMap<string, string>;
  /** Penalty cues that count: hedges, opinions, evaluations, intensifiers, reported opinions, intentions. */
  penalties: ReadonlyMap<string, string>;
  /** A source reports an opinion, a guess or a plan rather than a fact. */
  reportsOpinion: boolean;
  definitionShape: string | null;
  anaphora: string | null;
  aboutArticle: boolean;
  question: boolean;
  headline: boolean;
  /** A headline's full verb from the word lists ("OpenAI launches …"): it asserts as much as a sentence does. */
  headlineVerb: string | null;
  listIntro: boolean;
  tooShort: boolean;
}

export interface ClaimSignal {
  /** Stable name: the classifier's feature name and the key of the reason's translation. */
  id: string;
  /** The reason as the CLI prints it; `{0}` is the evidence. Translated for the editor in src/editor/claimReasons.ts. */
  reason: string;
  /** The hand-written rules' weight (score units, a claim from 0.45): the classifier's prior. */
  weight: number | ((facts: SentenceFacts) => number);
  /** Where the classifier starts for a signal the rules did not weigh (score units, like `weight`); default the rules' weight. */
  prior?: number;
  /** Hedges and the like: the rules cap their sum at -0.5. */
  penalty?: boolean;
  /** The evidence (may be empty) when the signal fires, else null. */
  detect(facts: SentenceFacts): string | null;
}

/** Closing quotes and brackets that may follow a sentence's last punctuation ("…?“", "…!)"). */
const CLOSERS = '"\'”“»«)]’';

/**
 * The last UTF-16 unit of `text` before its trailing closing quotes and brackets ('' when there is
 * none): "…?“" ends in "?". Read from the end; an expression anchored at the end (/\?["'”“»«)\]’]*$/)
 * is tried at every position of the sentence.
 */
export function lastBeforeClosers(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 ? text[i] : '';
}

function quote(s: string): string {
  return s.length > 40 ? `"${s.slice(0, 37)}…"` : `"${s}"`;
}

function quoteList(items: string[], max: number): string {
  return items.slice(0, max).map(quote).join(', ') + (items.length > max ? ' …' : '');
}

const hasDigit = (n: NumberFinding) => /\d/.test(n.text);

function cue(category: string): (facts: SentenceFacts) => string | null {
  return (f) => f.cues.get(category) ?? null;
}

function penalty(category: string): (facts: SentenceFacts) => string | null {
  return (f) => f.penalties.get(category) ?? null;
}

/**
 * A closed list of short words, looked up in every sentence: a word whose length or first letter no
 * listed word has is turned away before the set is asked (most words of a sentence).
 */
class WordList {
  private readonly words: ReadonlySet<string>;
  private readonly longest: number;
  /** 1 for the first code unit (below 256) of a listed word. */
  private readonly firstUnits = new Uint8Array(256);

  constructor(list: string) {
    const words = list.split(/\s+/).filter(Boolean);
    this.words = new Set(words);
    this.longest = Math.max(...words.map((w) => w.length));
    for (const w of words) if (w.charCodeAt(0) < 256) this.firstUnits[w.charCodeAt(0)] = 1;
  }

  has(word: string): boolean {
    if (word.length > this.longest) return false;
    const first = word.charCodeAt(0);
    return (first >= 256 || this.firstUnits[first] === 1) && this.words.has(word);
  }
}

/** The first word of a closed list in the sentence, from word `from` on, or null. */
function firstOf(list: Record<Language, WordList>, from = 0): (facts: SentenceFacts) => string | null {
  return (f) => {
    const words = list[f.language];
    for (let i = from; i < f.words.length; i++) if (words.has(f.words[i])) return f.words[i];
    return null;
  };
}

const set = (words: string) => new WordList(words);

// "i": a sentence's first word is lowered before the lists are read.
const FIRST_PERSON_SINGULAR: Record<Language, WordList> = { de: set('ich mich mir mein meine meinen meinem meiner'), en: set('I i me my mine myself') };
const FIRST_PERSON_PLURAL: Record<Language, WordList> = { de: set('wir uns unser unsere unseren unserem unserer'), en: set('we us our ours ourselves') };
// Formal "Sie" only after the first word, which is lowered: "sie" at the start is "she" or "they".
const SECOND_PERSON: Record<Language, WordList> = { de: set('du dich dir dein deine deinen ihr euch euer eure Sie Ihnen Ihr Ihre Ihren'), en: set('you your yours yourself') };
/** "tausendmal", "a million times", "x-mal": a number that exaggerates rather than counts. */
const HYPERBOLE: Record<Language, RegExp> = {
  de: /(?:\b(?:hundert|tausend|million|zig|x)(?:e|en)?[- ]?mal\b|\b\d+[- ]?(?:mal|Mal)\b|\b\d{3,}(?:[.,]\d+)? ?%)/u,
  en: /\b(?:hundred|thousand|million|billion|zillion|\d+) times\b|\b\d{3,}(?:\.\d+)? ?(?:%|percent)/u,
};
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Tokens that begin with a letter or digit; ASCII is decided without the expression. */
export function wordCount(words: readonly string[]): number {
  let count = 0;
  for (const w of words) {
    const c = w.charCodeAt(0);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && LETTER_OR_DIGIT.test(w))) count++;
  }
  return count;
}

const secondPersonAfterFirst = firstOf(SECOND_PERSON, 1);

const LINK = /\bhttps?:\/\/|\bwww\./;
const MENTION = /(?:^|\s)@(?:USER|MEDIUM|MODERATOR|[A-Za-z0-9_]{2,})/;

/**
 * The table. Order matters only for the rules' reasons, which list positive signals as found; the
 * classifier lists the signals that contributed most.
 */
export const CLAIM_SIGNALS: readonly ClaimSignal[] = [
  { id: 'figure', reason: 'names a figure ({0})', weight: 0.45, detect: (f) => (f.figures.some(hasDigit) ? quoteList(f.figures.map((n) => n.text), 3) : null) },
  { id: 'figureInWords', reason: 'names a figure in words ({0})', weight: 0.3, detect: (f) => (f.figures.length && !f.figures.some(hasDigit) ? quoteList(f.figures.map((n) => n.text), 3) : null) },
  { id: 'date', reason: 'gives a date ({0})', weight: (f) => (f.figures.length ? 0.1 : 0.2), detect: (f) => (f.dates.length ? quoteList(f.dates.map((n) => n.text), 2) : null) },
  { id: 'names', reason: 'names {0}', weight: (f) => (f.names.length >= 2 ? 0.35 : 0.25), detect: (f) => (f.names.length ? quoteList(f.names, 3) : null) },
  { id: 'collectiveActor', reason: 'names an actor by origin ({0})', weight: 0.25, detect: (f) => (f.names.length ? null : f.collectiveActor && quote(f.collectiveActor)) },
  { id: 'unnamedGroup', reason: 'says something about a group ({0})', weight: 0, prior: 0.15, detect: (f) => (f.names.length || f.collectiveActor ? null : f.unnamedGroup && quote(f.unnamedGroup)) },
  { id: 'attribution', reason: 'attributes to a source ({0})', weight: 0.25, detect: (f) => (f.reportsOpinion ? null : cue('attribution')(f)) },
  { id: 'attributedOpinion', reason: 'attributes an opinion ({0})', weight: 0, prior: -0.1, detect: (f) => (f.reportsOpinion ? cue('attribution')(f) : null) },
  { id: 'comparison', reason: 'compares or ranks ({0})', weight: 0.15, detect: cue('comparison') },
  { id: 'event', reason: 'reports an event or fact ({0})', weight: 0.2, detect: (f) => (f.event !== null && !f.eventByPosition && (f.fullVerb || f.participle) ? f.event : null) },
  // The same for a verb the lists do not know, found by its place ("Huawei verschickt"): less sure, so weighed apart.
  { id: 'eventByPosition', reason: 'reports an event or fact ({0})', weight: 0.2, detect: (f) => (f.event !== null && f.eventByPosition ? f.event : null) },
  { id: 'linkingVerb', reason: 'states what something is ({0})', weight: 0.1, detect: (f) => (f.event !== null && !f.fullVerb && !f.participle ? f.event : null) },
  { id: 'predictionWithFigure', reason: 'predicts a figure ({0})', weight: 0.1, detect: (f) => (f.figures.length || f.dates.length ? cue('prediction')(f) : null) },
  { id: 'vaguePrediction', reason: 'predicts without a figure ({0})', weight: -0.1, detect: (f) => (f.figures.length || f.dates.length ? null : cue('strongPrediction')(f)) },
  { id: 'hedge', reason: 'hedged ({0})', weight: -0.25, penalty: true, detect: penalty('hedged') },
  { id: 'opinion', reason: 'opinion or demand ({0})', weight: -0.2, penalty: true, detect: penalty('opinion') },
  { id: 'evaluative', reason: 'evaluative wording ({0})', weight: -0.2, penalty: true, detect: penalty('evaluative') },
  { id: 'intensifier', reason: 'vague intensifier ({0})', weight: -0.2, penalty: true, detect: penalty('intensifier') },
  { id: 'reportedOpinion', reason: 'reported opinion ({0})', weight: -0.2, penalty: true, detect: penalty('reportedOpinion') },
  { id: 'intention', reason: 'intention without a figure ({0})', weight: -0.2, penalty: true, detect: penalty('intention') },
  { id: 'definition', reason: 'definition or background ({0})', weight: -0.3, detect: (f) => cue('definition')(f) ?? f.definitionShape },
  { id: 'addressesReader', reason: 'addresses the reader ({0})', weight: -0.35, detect: cue('reader') },
  { id: 'firstPersonSingular', reason: 'speaks as "I" ({0})', weight: 0, detect: firstOf(FIRST_PERSON_SINGULAR) },
  { id: 'firstPersonPlural', reason: 'speaks as "we" ({0})', weight: 0, detect: firstOf(FIRST_PERSON_PLURAL) },
  { id: 'secondPerson', reason: 'speaks to "you" ({0})', weight: 0, prior: -0.1, detect: (f) => secondPersonAfterFirst(f) ?? (f.words[0] === 'du' ? 'du' : null) },
  { id: 'narrative', reason: 'narrative transition ({0})', weight: -0.3, detect: cue('narrative') },
  { id: 'previousSentence', reason: 'comments on the previous sentence ({0})', weight: -0.15, detect: (f) => f.anaphora },
  { id: 'aboutArticle', reason: 'about the article itself', weight: -0.3, detect: (f) => (f.aboutArticle ? '' : null) },
  { id: 'question', reason: 'a question', weight: -0.4, detect: (f) => (f.question ? '' : null) },
  { id: 'headline', reason: 'a headline or fragment', weight: -0.15, detect: (f) => (f.headline ? '' : null) },
  { id: 'headlineWithVerb', reason: 'a headline that reports ({0})', weight: 0, prior: 0.15, detect: (f) => (f.headlineVerb && !f.question ? f.headlineVerb : null) },
  { id: 'listIntro', reason: 'introduces a list', weight: -0.15, detect: (f) => (f.listIntro ? '' : null) },
  { id: 'tooShort', reason: 'too short to assert much', weight: -0.3, detect: (f) => (f.tooShort ? '' : null) },
  { id: 'detailed', reason: 'a long, detailed statement', weight: 0, prior: 0.1, detect: (f) => (f.wordCount >= 20 ? '' : null) },
  { id: 'brief', reason: 'a brief remark', weight: 0, prior: -0.1, detect: (f) => (f.wordCount <= 7 ? '' : null) },
  { id: 'hyperbole', reason: 'exaggerates with a number ({0})', weight: 0, prior: -0.3, detect: (f) => HYPERBOLE[f.language].exec(f.sentence)?.[0] ?? null },
  { id: 'exclamation', reason: 'an exclamation', weight: 0, prior: -0.1, detect: (f) => (lastBeforeClosers(f.sentence.trimEnd()) === '!' ? '' : null) },
  { id: 'link', reason: 'gives a link', weight: 0, prior: 0.1, detect: (f) => (LINK.test(f.sentence) ? '' : null) },
  { id: 'mention', reason: 'replies to someone (@)', weight: 0, detect: (f) => (MENTION.test(f.sentence) ? '' : null) },
];

/** A signal that fired in a sentence, with its evidence. */
export interface FiredSignal {
  signal: ClaimSignal;
  evidence: string;
}

/** Every signal of the table that fires for `facts`, in table order. */
export function fireSignals(facts: SentenceFacts): FiredSignal[] {
  const fired: FiredSignal[] = [];
  for (const signal of CLAIM_SIGNALS) {
    const evidence = signal.detect(facts);
    if (evidence !== null) fired.push({ signal, evidence });
  }
  return fired;
}

export function signalWeight(signal: ClaimSignal, facts: SentenceFacts): number {
  return typeof signal.weight === 'number' ? signal.weight : signal.weight(facts);
}

/** The reason text of a fired signal, as the CLI prints it. */
export function reasonText(signal: ClaimSignal, evidence: string): string {
  return signal.reason.replace('{0}', evidence);
}

/**
 * The hand-written rules' score: the weights of the fired signals summed, hedges and the like capped
 * together at -0.5, a question capped at 0.3, clamped to 0..1. Kept as the classifier's prior and for comparison.
 */
export function ruleScore(facts: SentenceFacts, fired: readonly FiredSignal[]): number {
  let score = 0;
  let penalties = 0;
  for (const { signal } of fired) {
    if (signal.penalty) penalties += signalWeight(signal, facts);
    else score += signalWeight(signal, facts);
  }
  score += Math.max(penalties, -0.5);
  if (facts.question) score = Math.min(score, 0.3);
  return Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
}
