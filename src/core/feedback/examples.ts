/**
 * A team's corrections as labelled examples in the corpora format (data/corpora/README.md), so that
 * the models can be retrained on them (`ai-news-annotator feedback export`):
 * - "not a claim": a claim record `{id, lang, text, label: 0, source_label}` of the sentence;
 * - "not an entity" / "wrong entity type": an NER record `{id, lang, text, spans}` of the sentence
 *   the correction sits in, with the entities of that sentence as the detector finds them once every
 *   correction of the article is applied (the corrected one left out or retyped). Only the corrected
 *   span is the team's word; the others are the detector's, marked `"source": "detector"`.
 */
import { analyze, type AnalyzeOptions } from '../analysis/analyzer';
import { detectLanguage } from '../analysis/language';
import type { EntityFinding, Finding, Language } from '../analysis/types';
import { resolveAll } from '../store/anchor';
import { applyFeedback } from './apply';
import type { Correction, CorrectionKind } from './feedback';

/** The corpora's entity labels: ours, except that an outlet is an org there. */
type CorpusLabel = 'person' | 'org' | 'place' | 'product' | 'other';

export interface NerSpan {
  start: number;
  end: number;
  label: CorpusLabel;
  /** Our type (outlet included). */
  label_orig: string;
  text: string;
  /** Who said this span is an entity of this type. */
  source: 'team' | 'detector';
}

export interface NerRecord {
  id: string;
  lang: Language;
  text: string;
  spans: NerSpan[];
  /** The correction the record comes from. */
  feedback: CorrectionKind;
}

export interface ClaimRecord {
  id: string;
  lang: Language;
  text: string;
  label: 0;
  source_label: 'feedback:not-a-claim';
}

export interface ArticleExamples {
  records: (NerRecord | ClaimRecord)[];
  /** Corrections that gave no example, and why. */
  skipped: { correction: Correction; reason: string }[];
}

const recordId = (correction: Correction): string => `feedback-${correction.id}`;

function corpusLabel(type: EntityFinding['type']): CorpusLabel {
  return type === 'outlet' ? 'org' : type;
}

/** The sentence around a span: the analysis's sentence that holds it, else its line. */
function sentenceAround(text: string, sentences: readonly Finding[], span: { start: number; end: number }): { start: number; end: number } {
  const sentence = sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (sentence) return sentence;
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * The examples of one article's corrections.
 * @param text The article's current text, or null when it cannot be read (claim corrections still
 *   give their quoted sentence; entity corrections need the article and are skipped).
 * @param options How the article is analysed (lexicon, models); the claim threshold is ignored.
 */
export function examplesOfArticle(text: string | null, corrections: readonly Correction[], options: AnalyzeOptions = {}): ArticleExamples {
  const records: (NerRecord | ClaimRecord)[] = [];
  const skipped: ArticleExamples['skipped'] = [];
  // Every sentence is a "claim" at threshold 0: the analysis's own sentence splitting.
  const analysis = text === null ? null : analyze(text, { ...options, claimThreshold: 0, feedback: [] });
  const corrected = text === null || !analysis ? [] : applyFeedback(text, analysis.findings, corrections);
  const sentences = analysis?.findings.filter((f) => f.kind === 'claim') ?? [];
  const resolutions = text === null ? [] : resolveAll(text, corrections);
  corrections.forEach((correction, i) => {
    const resolved = resolutions[i];
    if (correction.kind === 'not-a-claim') {
      const sentence = resolved && resolved.state !== 'orphaned' && text !== null ? text.slice(resolved.start, resolved.end) : correction.quote.exact;
      records.push({ id: recordId(correction), lang: analysis?.language ?? detectLanguage(sentence), text: sentence, label: 0, source_label: 'feedback:not-a-claim' });
      return;
    }
    if (text === null || !analysis) return void skipped.push({ correction, reason: `${correction.article} cannot be read` });
    if (!resolved || resolved.state === 'orphaned') return void skipped.push({ correction, reason: `"${correction.quote.exact}" is no longer in ${correction.article}` });
    const sentence = sentenceAround(text, sentences, resolved);
    const spans = corrected
      .filter((f): f is EntityFinding => f.kind === 'entity' && f.start >= sentence.start && f.end <= sentence.end)
      .map((f): NerSpan => {
        const byTeam = correction.kind === 'wrong-entity-type' && f.start < resolved.end && resolved.start < f.end;
        return { start: f.start - sentence.start, end: f.end - sentence.start, label: corpusLabel(f.type), label_orig: f.type, text: f.text, source: byTeam ? 'team' : 'detector' };
      });
    records.push({ id: recordId(correction), lang: analysis.language, text: text.slice(sentence.start, sentence.end), spans, feedback: correction.kind });
  });
  return { records, skipped };
}
