/**
 * Bench section `claims`: what the trained claim model costs.
 *
 * 1. Loading models/claims.json (read, parse, decode the weights), median of 20 fresh loads. Baseline
 *    in the same run: reading the file's bytes alone. Target: under 150 ms.
 * 2. 1 MB of distinct real text (sentences of the openly licensed corpora in data/corpora, English
 *    debates and German news, five to a paragraph; no paragraph repeats) analysed in full, once with
 *    the model scoring claims and once with the hand-written rules. Baseline in the same run:
 *    remark-parse alone on the same text. Target for the whole analysis: at most 3.0x the parse.
 *    On a busy shared machine whole analyses vary by tens of percent from run to run, so the
 *    scoring alone is also timed: the sentences' facts collected once, scored by both in turn.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { BenchSection } from './bench';
import {
  analyze, defaultClaimModel, defaultLexicon, findModelFile, readClaimModel, RULE_SCORER, type AnalyzeOptions, type ClaimScorer, type FiredSignal, type SentenceFacts,
} from '../src/core/analysis';
import { corporaDir, readClaims, readNer } from '../src/train/corpora';
import { median, printTable, seedsFolder, time } from './shared';

const MB = 1 << 20;
const LOADS = 20;
const RUNS = 5;
const LOAD_TARGET_MS = 150;
const RATIO_TARGET = 3.0;

/** Sentences of the corpora, alternating English and German, five to a paragraph, up to `size` characters. */
function distinctText(size: number): string {
  const dir = corporaDir(join(seedsFolder(), '..'));
  const english = readClaims('claimbuster-groundtruth-train.en', dir).map((r) => r.text);
  const german = [...readNer('germeval2014-dev.de', dir), ...readNer('mobie-train.de', dir)].map((r) => r.text.replace(/ ([.,;:!?)])/g, '$1').replace(/\( /g, '('));
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < size && (i < english.length || i < german.length); i += 5) {
    for (const source of [english, german]) {
      const paragraph = source.slice(i, i + 5).join(' ');
      if (!paragraph || seen.has(paragraph)) continue;
      seen.add(paragraph);
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
  }
  return paragraphs.join('\n\n').slice(0, size);
}

function loadRows(): string[][] {
  const path = findModelFile('claims.json');
  if (!path) throw new Error('models/claims.json not found: run npm run train claims');
  const bytes = median(Array.from({ length: LOADS }, () => time(() => readFileSync(path))));
  const load = median(Array.from({ length: LOADS }, () => time(() => readClaimModel(path))));
  const size = statSync(path).size;
  return [
    ['read the file alone (baseline)', `${bytes.toFixed(2)} ms`, `${(size / 1024).toFixed(0)} KB`],
    ['load the claim model', `${load.toFixed(2)} ms`, `target < ${LOAD_TARGET_MS} ms ${load < LOAD_TARGET_MS ? 'ok' : 'MISSED'}`],
  ];
}

function analysisRows(text: string): string[][] {
  const lexicon = defaultLexicon();
  const parser = unified().use(remarkParse);
  const withModel: AnalyzeOptions = { lexicon };
  const withRules: AnalyzeOptions = { lexicon, claimScorer: RULE_SCORER };
  parser.parse(text.slice(0, 100_000));
  analyze(text.slice(0, 100_000), withModel);
  analyze(text.slice(0, 100_000), withRules);
  const parse: number[] = [];
  const model: number[] = [];
  const rules: number[] = [];
  // Interleaved, the order alternating, so that a busy neighbour on a shared machine bills both alike.
  for (let run = 0; run < RUNS; run++) {
    parse.push(time(() => parser.parse(text)));
    const order: [number[], AnalyzeOptions][] = [[model, withModel], [rules, withRules]];
    if (run % 2) order.reverse();
    for (const [times, options] of order) times.push(time(() => analyze(text, options)));
  }
  const p = median(parse);
  const m = median(model);
  const r = median(rules);
  return [
    ['remark-parse alone (baseline)', `${p.toFixed(0)} ms`, ''],
    ['full analysis, claims scored by the rules', `${r.toFixed(0)} ms`, `${(r / p).toFixed(2)}x parse`],
    ['full analysis, claims scored by the model', `${m.toFixed(0)} ms`, `${(m / p).toFixed(2)}x parse (target <= ${RATIO_TARGET}x) ${m / p <= RATIO_TARGET ? 'ok' : 'MISSED'}; model adds ${(m - r).toFixed(0)} ms (${(((m - r) / r) * 100).toFixed(1)}%)`],
  ];
}

/**
 * The scoring alone, which is all the model changes: every sentence's facts and signals collected
 * once, then scored by the model and by the rules, interleaved, median of the runs.
 */
function scoringRows(text: string): string[][] {
  const sentences: [SentenceFacts, FiredSignal[]][] = [];
  const collect: ClaimScorer = { score: (facts, fired) => (sentences.push([facts, [...fired]]), 0), explain: () => [] };
  analyze(text, { claimScorer: collect });
  const model = defaultClaimModel();
  const scoreAll = (scorer: ClaimScorer) => () => {
    for (const [facts, fired] of sentences) scorer.score(facts, fired);
  };
  scoreAll(model)();
  scoreAll(RULE_SCORER)();
  const modelTimes: number[] = [];
  const ruleTimes: number[] = [];
  for (let run = 0; run < 2 * RUNS; run++) {
    modelTimes.push(time(scoreAll(model)));
    ruleTimes.push(time(scoreAll(RULE_SCORER)));
  }
  const m = median(modelTimes);
  const r = median(ruleTimes);
  return [
    [`scoring ${sentences.length} sentences, rules (baseline)`, `${r.toFixed(1)} ms`, ''],
    [`scoring ${sentences.length} sentences, model`, `${m.toFixed(1)} ms`, `${(m - r).toFixed(1)} ms more than the rules`],
  ];
}

export const claimsBench: BenchSection = {
  name: 'claims',
  async run() {
    printTable(['claim model', 'time', 'verdict'], loadRows());
    console.log('');
    const text = distinctText(MB);
    console.log(`Article: ${(text.length / MB).toFixed(2)} MB of distinct corpus sentences (ClaimBuster train, GermEval 2014 dev, MobIE train).\n`);
    printTable(['measure', 'time', 'verdict'], [...scoringRows(text), ...analysisRows(text)]);
  },
};
