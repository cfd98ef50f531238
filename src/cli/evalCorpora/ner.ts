/**
 * Scores entity detection on the NER dev splits of data/corpora (GermEval 2014 dev, CrossNER ai
 * dev, …): per type and overall, a found span hits a gold span of the same type when their overlap
 * is at least half of their union (IoU >= 0.5). Only the types a set labels in our sense are scored
 * ("in scope"): GermEval person/org/place, CrossNER ai person/org/place/product. Found `outlet`s
 * count as `org`, as the corpora label newspapers and broadcasters ORG.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../core/analysis';
import { scoreSpans, sumScores, type KindScore, type LabelSpan } from '../../core/analysis/scoring';
import { corporaDir, readNer, type NerRecord } from '../../train/corpora';

export interface NerSet {
  /** The corpus file's base name under ner/, e.g. "germeval2014-dev.de". */
  file: string;
  title: string;
  /** The types scored; spans of other types are left out of both gold and findings. */
  types: EntityType[];
}

export const NER_DEV_SETS: NerSet[] = [
  { file: 'germeval2014-dev.de', title: 'GermEval 2014 dev (German news and Wikipedia)', types: ['person', 'org', 'place'] },
  { file: 'crossner-ai-dev.en', title: 'CrossNER ai dev (English AI Wikipedia)', types: ['person', 'org', 'place', 'product'] },
];

/** Finds entities in one corpus record; the eval passes the analyzer, the trainer a model under test. */
export type EntityFinder = (record: NerRecord) => LabelSpan[];

/** A type-filtered span of a corpus record: GermEval's *part and *deriv spans are not names for us. */
export function goldSpans(record: NerRecord, types: readonly string[]): LabelSpan[] {
  return record.spans
    .filter((s) => !/(part|deriv)$/.test(s.label_orig) && types.includes(s.label))
    .map((s) => ({ start: s.start, end: s.end, type: s.label, text: s.text }));
}

/** Outlets are orgs in every corpus we score against. */
function corpusType(type: string | null | undefined): string | null {
  return type === 'outlet' ? 'org' : (type ?? null);
}

/** The findings of `find` on a record that a set scores: in-scope types, typed as the corpora type them. */
export function inScopeFindings(record: NerRecord, types: readonly string[], find: EntityFinder): LabelSpan[] {
  return find(record).map((f) => ({ ...f, type: corpusType(f.type) })).filter((f) => types.includes(f.type ?? ''));
}

export interface NerScores {
  /** Span and type must both match. */
  overall: KindScore;
  /** Span only (type ignored), among in-scope types. */
  spans: KindScore;
  perType: Record<string, KindScore>;
}

/** Scores `find` on the records: per type, overall (typed) and spans only. */
export function scoreNer(records: readonly NerRecord[], types: readonly string[], find: EntityFinder): NerScores {
  const perType: Record<string, KindScore[]> = Object.fromEntries(types.map((t) => [t, []]));
  const untyped: KindScore[] = [];
  for (const record of records) {
    const gold = goldSpans(record, types);
    const found = inScopeFindings(record, types, find);
    untyped.push(scoreSpans(found, gold));
    for (const type of types) perType[type].push(scoreSpans(found.filter((f) => f.type === type), gold.filter((g) => g.type === type)));
  }
  const summed = Object.fromEntries(types.map((t) => [t, sumScores(perType[t])]));
  return { overall: sumScores(Object.values(summed)), spans: sumScores(untyped), perType: summed };
}

function percent(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

function row(label: string, s: KindScore): string {
  return `  ${label.padEnd(12)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)} ${String(s.hits).padStart(5)}      ${percent(s.precision)}   ${percent(s.recall)}  ${percent(s.f1)}`;
}

/** The table `npm run eval` prints for one set. */
export function nerTable(title: string, scores: NerScores): string {
  const lines = [title, '  type          gold  found  hits  precision  recall     F1'];
  for (const [type, s] of Object.entries(scores.perType)) lines.push(row(type, s));
  lines.push(row('all (typed)', scores.overall));
  lines.push(row('spans only', scores.spans));
  return lines.join('\n');
}

/** Scores every dev set present in the corpora folder; returns the printed tables. */
export function evaluateNerDevSets(find: EntityFinder, dir = corporaDir()): string[] {
  const tables: string[] = [];
  for (const set of NER_DEV_SETS) {
    if (!existsSync(join(dir, 'ner', `${set.file}.jsonl`))) continue;
    const records = readNer(set.file, dir);
    tables.push(nerTable(`${set.title}: ${records.length} sentences, span IoU >= 0.5`, scoreNer(records, set.types, find)));
  }
  return tables;
}
