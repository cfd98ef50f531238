/**
 * Rule-based sentence splitting for German and English news prose. Handles "26. Januar",
 * "z. B.", "Mrd. Euro", "01.AI", "Qwen 2.5", headlines without punctuation (one per line),
 * list items and table rows. Linear; never hands anything to Intl.Segmenter, which is
 * quadratic on long strings in Node 20.
 */
import type { Language } from './types';
import type { Span } from './prose';
import { MONTHS } from './vocabulary';

/** Abbreviations after which a full stop never ends a sentence. */
const ALWAYS_ABBREVIATION = new Set(
  'z B bzw ca Nr Dr Prof Hr Fr Mr Mrs Ms St vs vgl sog inkl exkl zzgl bspw ggf evtl usw etc u a d h o s i e g Abs Art Jh Jhd No Nos Vol Gen Gov Sen Rep Dept Univ Sp lt gem bzgl ebd ff Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Oct Nov Dez Dec approx est Tsd Mio Mrd Bio Mill Bill Inc Corp Ltd Co Jr Sr Abb Kap Nrn resp'.split(' '),
);
/** Words that open a new sentence even after an abbreviation such as "Inc." or "Mrd.". */
const SENTENCE_OPENERS = new Set(
  'Der Die Das Dies Diese Dieser Es Er Sie Wir Ich Man Doch Aber Und Auch Im In Am Zudem Außerdem Damit Dabei Laut Nach Seit The This That These It He She They We But And In On At According After Its Their'.split(' '),
);
/** Nouns that follow a German ordinal ("3. Platz", "2. Quartal"). */
const ORDINAL_HEADS = new Set(
  'Platz Stelle Rang Quartal Halbjahr Jahrhundert Jahrtausend Mal Generation Version Auflage Runde Liga Bundesliga Tag Woche Monat Jahr Jahrestag Kalenderwoche Klasse Ausgabe Position Stufe Welle Etappe Säule Phase'.split(' '),
);

/**
 * A run of terminal punctuation with closing quotes or brackets, or a bullet. Whether whitespace
 * follows is checked after the match: a lookahead here made a long run of dots quadratic (every
 * start inside the run matched to its end and then failed), while a run that does not end before
 * whitespace is now skipped whole.
 */
const TERMINAL = /[.!?…]+["'”“»«)\]’]*|•/g;
const WHITESPACE = /\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BULLET = /^[•\-*–—·▪►✓➤→]\s+/;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

function wordAfter(text: string, start: number): string {
  const match = /^[\s]*([\p{L}\p{M}\p{N}]+)/u.exec(text.slice(start, start + 40));
  return match ? match[1] : '';
}

function startsSentence(text: string, pos: number): boolean {
  const match = /^\s*(\S)/u.exec(text.slice(pos, pos + 20));
  if (!match) return false;
  const c = match[1];
  return /[\p{Lu}\p{N}„"“«»‚'([¿¡]/u.test(c);
}

/** Decides whether the terminal punctuation at `punct` (one character) ends a sentence. */
function endsSentence(text: string, punct: number, after: number, language: Language): boolean {
  if (!startsSentence(text, after)) return false;
  if (text.charAt(punct) !== '.') return true;
  const before = wordBefore(text, punct);
  const next = wordAfter(text, after);
  if (/^\d{1,3}$/.test(before)) {
    // "26. Januar", "3. Platz": German ordinals.
    if (language === 'de' && (MONTHS.has(next) || ORDINAL_HEADS.has(next))) return false;
    return true;
  }
  if (ALWAYS_ABBREVIATION.has(before) || (before.length === 1 && /\p{Lu}/u.test(before))) {
    return SENTENCE_OPENERS.has(next) && !['z', 'B', 'u', 'a', 'd', 'h', 'vgl', 'Nr', 'Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'St', 'No'].includes(before);
  }
  return true;
}

/** Trims whitespace and a leading bullet; returns null when nothing readable is left. */
function trimSentence(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  const bullet = BULLET.exec(text.slice(start, Math.min(end, start + 8)));
  if (bullet) start += bullet[0].length;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start >= end || !LETTER_OR_DIGIT.test(text.slice(start, Math.min(end, start + 400)))) {
    return LETTER_OR_DIGIT.test(text.slice(start, end)) ? { start, end } : null;
  }
  return { start, end };
}

/**
 * True when the line breaks inside a paragraph look like hard wrapping (a line ends mid-sentence
 * and the next one goes on in lower case); otherwise every line is its own sentence, as in
 * plain-text articles where headlines, list items and table rows sit on lines of their own.
 */
function isHardWrapped(text: string, unit: Span): boolean {
  let wrapped = 0;
  let breaks = 0;
  let pos = text.indexOf('\n', unit.start);
  while (pos !== -1 && pos < unit.end) {
    breaks++;
    let before = pos - 1;
    while (before >= unit.start && /[ \t\r]/.test(text.charAt(before))) before--;
    const next = /^\s*(\S)/u.exec(text.slice(pos + 1, pos + 21));
    if (next && /[\p{Ll}]/u.test(next[1]) && !/[.!?:;|"”“»]/.test(text.charAt(before))) wrapped++;
    pos = text.indexOf('\n', pos + 1);
  }
  return breaks > 0 && wrapped * 2 >= breaks;
}

function splitSegment(text: string, from: number, to: number, language: Language, out: Span[]): void {
  const segment = text.slice(from, to);
  let start = 0;
  TERMINAL.lastIndex = 0;
  for (let match = TERMINAL.exec(segment); match; match = TERMINAL.exec(segment)) {
    const end = match.index + match[0].length;
    if (match[0] !== '•' && !WHITESPACE.test(segment.charAt(end))) continue;
    if (match[0] === '•') {
      const span = trimSentence(text, from + start, from + match.index);
      if (span) out.push(span);
      start = end;
      continue;
    }
    if (endsSentence(segment, match.index + match[0].search(/[.!?…][^.!?…]*$/), end, language)) {
      const span = trimSentence(text, from + start, from + end);
      if (span) out.push(span);
      start = end;
    }
  }
  const span = trimSentence(text, from + start, to);
  if (span) out.push(span);
}

/**
 * Splits the prose units of a masked block into sentences.
 * @param lines true when the block is known to hold one unit per line (see blocks.ts splitLines):
 *   every line break then ends a sentence; otherwise each paragraph is tested for hard wrapping.
 * @returns spans into `masked`, trimmed, in order.
 */
export function splitSentences(masked: string, units: Span[], language: Language, lines = false): Span[] {
  const sentences: Span[] = [];
  for (const unit of units) {
    if (!lines && isHardWrapped(masked, unit)) {
      splitSegment(masked, unit.start, unit.end, language, sentences);
      continue;
    }
    let lineStart = unit.start;
    while (lineStart < unit.end) {
      let lineEnd = masked.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > unit.end) lineEnd = unit.end;
      splitSegment(masked, lineStart, lineEnd, language, sentences);
      lineStart = lineEnd + 1;
    }
  }
  return sentences;
}
