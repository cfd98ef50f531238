/**
 * Distinct real text for the analysis bench, built from the openly licensed corpora in data/corpora:
 * news and Wikipedia sentences, German and English, grouped into paragraphs. Every paragraph occurs
 * once, so that nothing is analysed only once for many copies (as in the repeated seeds). The same
 * corpora give the same text on every run: no randomness, files read in a fixed order.
 */
import { join } from 'node:path';
import { corporaDir, readJsonl } from '../src/train/corpora';

/** Files in the order they are used, per language; `sentences` records are grouped into paragraphs. */
const SOURCES: Record<'de' | 'en', { file: string; records: 'documents' | 'sentences' }[]> = {
  de: [
    { file: 'ner/smartdata-train.de.jsonl', records: 'documents' },
    { file: 'ner/germeval2014-dev.de.jsonl', records: 'sentences' },
    { file: 'ner/mobie-train.de.jsonl', records: 'sentences' },
  ],
  en: [
    { file: 'ner/wikigold.en.jsonl', records: 'sentences' },
    { file: 'ner/crossner-ai-dev.en.jsonl', records: 'sentences' },
    { file: 'ner/crossner-science-dev.en.jsonl', records: 'sentences' },
    { file: 'ner/crossner-politics-dev.en.jsonl', records: 'sentences' },
    { file: 'claims/claimbuster-groundtruth-train.en.jsonl', records: 'sentences' },
  ],
};

const SENTENCES_PER_PARAGRAPH = 5;

/**
 * Undoes the token spacing of CoNLL-style corpora ("Fischer sei , so Hirsch ." → "Fischer sei, so
 * Hirsch."), so that the text reads as writers write it.
 */
export function detokenize(sentence: string): string {
  return sentence
    .replace(/ ([.,;:!?%)\]])/g, '$1')
    .replace(/([([]) /g, '$1')
    .replace(/" ([^"]*?) "/g, '"$1"')
    .replace(/ 's\b/g, "'s")
    .trim();
}

/**
 * The paragraphs of one corpus file: consecutive sentences (a document's lines, or sentence records)
 * in groups of SENTENCES_PER_PARAGRAPH, so that paragraphs have the length of a news paragraph.
 */
function paragraphsOf(path: string, records: 'documents' | 'sentences'): string[] {
  const texts = readJsonl<{ text: string }>(path).map((r) => r.text);
  const sentences = (records === 'documents' ? texts.flatMap((t) => t.split(/\n+/)) : texts).map(detokenize).filter((s) => s.length > 0);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) {
    paragraphs.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  return paragraphs;
}

/**
 * An article of at least `size` UTF-16 units (cut at a paragraph end) in one language, every
 * paragraph distinct, separated by blank lines.
 * @throws Error when the corpora hold too little distinct text.
 */
export function distinctArticle(language: 'de' | 'en', size: number, dir = corporaDir()): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  let length = 0;
  for (const source of SOURCES[language]) {
    for (const paragraph of paragraphsOf(join(dir, source.file), source.records)) {
      if (seen.has(paragraph)) continue;
      seen.add(paragraph);
      parts.push(paragraph);
      length += paragraph.length + 2;
      if (length >= size) return parts.join('\n\n');
    }
  }
  throw new Error(`the corpora in ${dir} hold only ${length} characters of distinct ${language} text, ${size} needed`);
}
