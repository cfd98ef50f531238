/**
 * Trains the entity taggers (`entities-de`, `entities-en`) from data/corpora and measures them on
 * the dev splits the eval scores (GermEval 2014 dev, CrossNER ai dev) by k-fold cross-validation:
 * each fold of the dev split is tagged by a model trained on everything else, so that no sentence is
 * scored by a model that saw it. The shipped model is then trained on all of it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultLexicon, findEntities, tokenize, type Language } from '../core/analysis';
import { modelsOf } from '../core/analysis/models';
import { trainTagger, type TrainOptions, type TrainingSequence } from '../core/analysis/tagger/train';
import { gazetteerOf, wordContext } from '../core/analysis/tagger/tagSentence';
import { roughSentenceStarts, tagWords } from '../core/analysis/tagger/words';
import type { TaggerModel } from '../core/analysis/tagger/model';
import type { NameLists } from '../core/analysis/tagger/nameLists';
import { readNameLists } from './nameLists';
import { inScopeFindings, nerTable, scoreNer, NER_DEV_SETS } from '../cli/evalCorpora/ner';
import { categoriseNerErrors, nerErrorTable } from '../cli/evalCorpora/nerErrors';
import type { LabelSpan } from '../core/analysis/scoring';
import { readNer, type NerRecord } from './corpora';
import type { Trainer, TrainOptions as TrainCommandOptions } from './main';

interface CorpusPart {
  file: string;
  /** How much its errors count: narrow (MobIE), noisy (Europeana OCR) or informal (WNUT) text counts less. */
  weight: number;
}

interface LanguagePlan {
  language: Language;
  types: string[];
  /** The dev split scored by `npm run eval`; cross-validated here. */
  dev: string;
  /** Its weight: it is the data most like the unseen test sets (GermEval 2014 test, CrossNER ai test). */
  devWeight: number;
  /**
   * See TaggerHeader.outsideBias. On three folds of the dev splits a bias of 2 gained German 1.3
   * points of F1 before the common-noun filter of combine.ts, and none after it (with more false
   * names in blog prose); English lost with any bias.
   */
  outsideBias: number;
  others: CorpusPart[];
  /** Name lists as features (data/gazetteers): German only, the lists are German names. */
  nameLists?: () => NameLists;
  /** See TrainOptions.listWordDropout. */
  listWordDropout?: number;
}

export const PLANS: Record<Language, LanguagePlan> = {
  de: {
    language: 'de',
    types: ['person', 'org', 'place', 'other'],
    dev: 'germeval2014-dev.de',
    devWeight: 5,
    outsideBias: 0,
    nameLists: () => readNameLists(),
    // Half of a listed word's occurrences are trained without the word itself (see TrainOptions).
    listWordDropout: 0.5,
    others: [
      { file: 'smartdata-train.de', weight: 0.5 },
      { file: 'mobie-train.de', weight: 0.2 },
      { file: 'europeana-lft.de', weight: 0.3 },
      { file: 'europeana-onb.de', weight: 0.3 },
      { file: 'europeana-sbb.de', weight: 0.3 },
    ],
  },
  en: {
    language: 'en',
    // CrossNER's `other` is mostly concepts (algorithms, fields, metrics): learning it cost 5 points of F1 on the in-scope types.
    types: ['person', 'org', 'place', 'product'],
    dev: 'crossner-ai-dev.en',
    devWeight: 3,
    outsideBias: 0,
    // The other domains teach what a name looks like, but their types are not AI's: people fill
    // politics, music and literature, so an unknown word where a name stands was typed person
    // ("MATLAB", "Simulink"). At a quarter of their former weight (0.7, WNUT 0.3) the CV gained
    // 0.7-4.7 points on four seeds (2.4 on average); at a half 1.7, at a tenth 2.2 (docs/models.md).
    others: [
      { file: 'crossner-ai-train.en', weight: 1 },
      ...['politics', 'science', 'music', 'literature'].flatMap((d) => [
        { file: `crossner-${d}-train.en`, weight: 0.175 },
        { file: `crossner-${d}-dev.en`, weight: 0.175 },
      ]),
      { file: 'wikigold.en', weight: 0.175 },
      { file: 'wnut17-train.en', weight: 0.075 },
    ],
  },
};

export const TRAIN_OPTIONS: Omit<TrainOptions, 'language' | 'types'> = { epochs: 8, seed: 11, minCount: 1, pruneBelow: 0.004 };
const FOLDS = 5;

/**
 * The spans that are names for us: GermEval's *part and *deriv spans ("SPD-Kanzlerkandidat",
 * "deutschen") are not; an `other` span written in lower case ("error rate", "classification") is a
 * concept, not a name.
 */
export function trainingSpans(record: NerRecord): NerRecord['spans'] {
  return record.spans.filter((s) => !/(part|deriv)$/.test(s.label_orig) && (s.label !== 'other' || /^[\p{Lu}\p{N}]/u.test(s.text)));
}

/** One corpus record as a training sequence: tagger words, gold tags and the rules' findings as gazetteer. */
export function toSequence(record: NerRecord, language: Language, weight: number, nameLists: NameLists | null = null): TrainingSequence {
  const tokens = tokenize(record.text);
  const starts = roughSentenceStarts(tokens);
  const words = tagWords(tokens, record.text, starts);
  const rules = findEntities(tokens, record.text, language, defaultLexicon(), starts).findings;
  const spans = trainingSpans(record);
  const gold = words.map(() => 'O');
  let s = 0;
  for (let i = 0; i < words.length; i++) {
    while (s < spans.length && spans[s].end <= words[i].start) s++;
    const span = spans[s];
    if (!span || span.start >= words[i].end) continue;
    const first = i === 0 || words[i - 1].end <= span.start;
    gold[i] = `${first ? 'B' : 'I'}-${span.label}`;
  }
  return { words, context: wordContext(gazetteerOf(words, rules), language, nameLists), gold, weight };
}

function sequencesOf(parts: CorpusPart[], language: Language, nameLists: NameLists | null): TrainingSequence[] {
  return parts.flatMap((part) => readNer(part.file).map((r) => toSequence(r, language, part.weight, nameLists)));
}

function train(sequences: TrainingSequence[], plan: LanguagePlan, log: (line: string) => void, seed = TRAIN_OPTIONS.seed, nameLists: NameLists | null = null): TaggerModel {
  return trainTagger(sequences, { ...TRAIN_OPTIONS, seed, language: plan.language, types: plan.types, outsideBias: plan.outsideBias, nameLists: nameLists ?? undefined, listWordDropout: plan.listWordDropout }, log);
}

/**
 * Scores the analyzer with the given tagger on some dev records.
 * @param findings receives every record's in-scope findings (for the error table)
 */
function scoreWith(model: TaggerModel | null, records: NerRecord[], language: Language, types: string[], findings?: Map<NerRecord, LabelSpan[]>): ReturnType<typeof scoreNer> {
  const models = modelsOf(model ? { [language]: model } : {});
  const find = (record: NerRecord): LabelSpan[] => analyze(record.text, { models }).findings.filter((f) => f.kind === 'entity');
  return scoreNer(records, types, (record) => {
    const found = inScopeFindings(record, types, find);
    findings?.set(record, found);
    return found;
  });
}

/** The types the eval scores on the plan's dev split (GermEval: person, org, place). */
function scoredTypes(plan: LanguagePlan): string[] {
  return NER_DEV_SETS.find((s) => s.file === plan.dev)?.types ?? plan.types;
}

type Scores = ReturnType<typeof scoreNer>;

/** Precision, recall and F1 of several folds' scores added up. */
function summed(all: Scores['overall'][]): Scores['overall'] {
  const gold = all.reduce((a, s) => a + s.gold, 0);
  const found = all.reduce((a, s) => a + s.found, 0);
  const hits = all.reduce((a, s) => a + s.hits, 0);
  const precision = found ? hits / found : 0;
  const recall = gold ? hits / gold : 0;
  return { gold, found, hits, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, missed: [], spurious: [] };
}

/**
 * Tags each fold of the dev split with a model trained on everything else; the folds' scores added up.
 * @param findings receives every dev record's in-scope findings (for the error table)
 */
function crossValidate(plan: LanguagePlan, others: TrainingSequence[], devRecords: NerRecord[], devSequences: TrainingSequence[], seed: number, log: (line: string) => void, nameLists: NameLists | null, findings?: Map<NerRecord, LabelSpan[]>): Scores {
  const types = scoredTypes(plan);
  const folds: Scores[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train_ = [...others, ...devSequences.filter((_, k) => k % FOLDS !== fold)];
    const model = train(train_, plan, () => {}, seed, nameLists);
    folds.push(scoreWith(model, devRecords.filter((_, k) => k % FOLDS === fold), plan.language, types, findings));
    log(`  fold ${fold + 1}/${FOLDS}: F1 ${(folds[fold].overall.f1 * 100).toFixed(1)}`);
  }
  const perType = Object.fromEntries(types.map((t) => [t, summed(folds.map((s) => s.perType[t]))]));
  return { overall: summed(folds.map((s) => s.overall)), spans: summed(folds.map((s) => s.spans)), perType };
}

/** The cross-validation with the shipped seed, then (`--cv-seeds`) with other shuffling seeds and the mean of all. */
function reportCrossValidation(plan: LanguagePlan, others: TrainingSequence[], devRecords: NerRecord[], devSequences: TrainingSequence[], cvSeeds: readonly number[], nameLists: NameLists | null): void {
  const findings = new Map<NerRecord, LabelSpan[]>();
  const shipped = crossValidate(plan, others, devRecords, devSequences, TRAIN_OPTIONS.seed, (line) => console.log(line), nameLists, findings);
  console.log(nerTable(`${plan.dev}, ${FOLDS}-fold cross-validation (rules + tagger)`, shipped));
  console.log(nerErrorTable('  its errors by kind (typed):', categoriseNerErrors(devRecords, scoredTypes(plan), (record) => findings.get(record) ?? [])));
  const seeds = cvSeeds.filter((seed) => seed !== TRAIN_OPTIONS.seed);
  if (!seeds.length) return;
  const f1s = [shipped.overall.f1];
  const percent = (x: number) => (x * 100).toFixed(1);
  for (const seed of seeds) {
    const { overall } = crossValidate(plan, others, devRecords, devSequences, seed, () => {}, nameLists);
    f1s.push(overall.f1);
    console.log(`  seed ${seed}: typed P ${percent(overall.precision)} / R ${percent(overall.recall)} / F1 ${percent(overall.f1)}`);
  }
  const mean = f1s.reduce((a, f) => a + f, 0) / f1s.length;
  console.log(`  typed F1 over ${f1s.length} seeds: mean ${percent(mean)}, from ${percent(Math.min(...f1s))} to ${percent(Math.max(...f1s))}`);
}

function entityTrainer(language: Language): Trainer {
  return {
    name: `entities-${language}`,
    run(modelsDir: string, options: TrainCommandOptions): void {
      const plan = PLANS[language];
      const started = Date.now();
      const nameLists = plan.nameLists?.() ?? null;
      if (nameLists) console.log(`  name lists: ${nameLists.size} words (data/gazetteers)`);
      const others = sequencesOf(plan.others, language, nameLists);
      const devRecords = readNer(plan.dev);
      const devSequences = devRecords.map((r) => toSequence(r, language, plan.devWeight, nameLists));
      console.log(`  ${others.length + devSequences.length} sequences, ${[...others, ...devSequences].reduce((a, s) => a + s.words.length, 0)} words (read in ${Date.now() - started} ms)`);
      if (!process.argv.includes('--no-cv')) reportCrossValidation(plan, others, devRecords, devSequences, options.cvSeeds ?? [], nameLists);
      const model = train([...others, ...devSequences], plan, (line) => console.log(line), TRAIN_OPTIONS.seed, nameLists);
      const bytes = model.toBytes();
      writeFileSync(join(modelsDir, `entities-${language}.bin`), bytes);
      console.log(`  entities-${language}.bin: ${model.header.count} features, ${model.tags.length} tags, ${(bytes.length / 1e6).toFixed(2)} MB`);
    },
  };
}

export const ENTITY_TRAINERS: Trainer[] = [entityTrainer('de'), entityTrainer('en')];
