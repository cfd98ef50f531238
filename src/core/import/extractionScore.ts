/**
 * Extraction quality as the public article-extraction benchmarks score it: the extracted text and
 * the gold text are bags of word tokens (`\w+`, Unicode); precision, recall and F1 come from their
 * multiset intersection. Plus the share of required sentences found ("with") and of boilerplate
 * sentences kept out ("without").
 */

export interface TokenScore {
  precision: number;
  recall: number;
  f1: number;
  /** Tokens in common, extracted, and in the gold. */
  common: number;
  extracted: number;
  gold: number;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/** The word tokens of a text, lower-cased. */
export function wordTokens(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []);
}

function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

/** Token precision, recall and F1 of an extraction against the gold text. */
export function tokenScore(extracted: string, gold: string): TokenScore {
  const found = wordTokens(extracted);
  const expected = counts(wordTokens(gold));
  let common = 0;
  for (const [token, n] of counts(found)) common += Math.min(n, expected.get(token) ?? 0);
  const goldSize = [...expected.values()].reduce((a, b) => a + b, 0);
  return sumTokenScores([{ common, extracted: found.length, gold: goldSize }]);
}

/** Micro-averaged score over several pages (sums of tokens, then the ratios). */
export function sumTokenScores(parts: Pick<TokenScore, 'common' | 'extracted' | 'gold'>[]): TokenScore {
  const common = parts.reduce((a, p) => a + p.common, 0);
  const extracted = parts.reduce((a, p) => a + p.extracted, 0);
  const gold = parts.reduce((a, p) => a + p.gold, 0);
  const precision = extracted === 0 ? 0 : common / extracted;
  const recall = gold === 0 ? 0 : common / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, common, extracted, gold };
}

/**
 * The readable text of generated markdown, for scoring and for looking up sentences: link targets,
 * escapes, emphasis markers, heading and list marks and table pipes removed.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    // Link text without brackets and targets without parentheses or spaces keep every pattern linear
    // (the regular-expression audit test); generated markdown writes links that way.
    .replace(/!?\[([^\][]*)\]\([^()\s]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, '$1')
    .replace(/(^|\s)[*_]{1,2}|[*_]{1,2}(?=\s|[.,;:!?)]|$)/gm, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replaceAll('|', ' | ')
    .replace(/[ \t]+/g, ' ');
}

/** The share of `sentences` that occur in `text` (whitespace-insensitive). */
export function sentenceRecall(text: string, sentences: string[]): { found: number; total: number } {
  const flat = text.replace(/\s+/g, ' ');
  const found = sentences.filter((s) => flat.includes(s.replace(/\s+/g, ' '))).length;
  return { found, total: sentences.length };
}
