/**
 * Bench section `models`: the trained models' size, load time and speed.
 *
 * 1. Size of each file in models/ and the time to read and decode it (cold: a fresh loader per run,
 *    median of 5). Target: all models together <= 10 MB, each loaded in < 150 ms.
 * 2. 1 MB of distinct real text per language, built from the corpora's dev sentences (German:
 *    GermEval 2014 dev and MobIE dev; English: CrossNER dev splits, WNUT-17 dev), paragraphs of
 *    five sentences. Baselines in the same run: remark-parse alone and the analysis with the rules
 *    alone (no models) on the same text. Measured: the analysis with the models, the tagger alone
 *    and the language model alone. Target: the tagger well over 2 MB/s. Times are CPU times (see
 *    timed), not wall times.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { BenchSection } from './bench';
import { analyze, defaultLexicon, findEntities, findModelsDir, MODEL_FILES, modelsIn, NO_MODELS, tokenize, type Language } from '../src/core/analysis';
import { tagEntities } from '../src/core/analysis/tagger/tagSentence';
import { roughSentenceStarts } from '../src/core/analysis/tagger/words';
import { readNer } from '../src/train/corpora';

const MB = 1 << 20;
const RUNS = 5;
const SIZE_LIMIT_MB = 10;
const LOAD_LIMIT_MS = 150;

const TEXT_SOURCES: Record<Language, string[]> = {
  de: ['germeval2014-dev.de', 'mobie-dev.de', 'smartdata-train.de'],
  en: ['crossner-ai-dev.en', 'crossner-politics-dev.en', 'crossner-science-dev.en', 'crossner-music-dev.en', 'crossner-literature-dev.en', 'wnut17-dev.en', 'wikigold.en'],
};

/** Distinct corpus sentences, five to a paragraph, up to `size` characters. */
function distinctText(language: Language, size: number): string {
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const file of TEXT_SOURCES[language]) {
    for (const record of readNer(file)) {
      if (length >= size) break;
      if (seen.has(record.text)) continue;
      seen.add(record.text);
      current.push(record.text);
      length += record.text.length + 1;
      if (current.length === 5) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
  }
  paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n').slice(0, size);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * CPU time of the process in ms (user + system): the code measured is single-threaded, and on cores
 * shared with other work CPU time varies far less than wall time.
 */
function timed(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function rate(chars: number, ms: number): string {
  return `${(chars / MB / (ms / 1000)).toFixed(2)} MB/s`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log([line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n'));
}

function loading(dir: string): string[][] {
  const rows: string[][] = [];
  let total = 0;
  for (const [key, file] of Object.entries(MODEL_FILES)) {
    const bytes = statSync(join(dir, file)).size;
    total += bytes;
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const models = modelsIn(dir);
      times.push(timed(() => (key === 'language' ? models.languageModel() : models.entityTagger(key === 'entitiesDe' ? 'de' : 'en'))));
    }
    const ms = median(times);
    rows.push([file, `${(bytes / 1e6).toFixed(2)} MB`, `${ms.toFixed(1)} ms`, `target < ${LOAD_LIMIT_MS} ms ${ms < LOAD_LIMIT_MS ? 'ok' : 'MISSED'}`]);
  }
  rows.push(['all models', `${(total / 1e6).toFixed(2)} MB`, '', `target <= ${SIZE_LIMIT_MB} MB ${total / 1e6 <= SIZE_LIMIT_MB ? 'ok' : 'MISSED'}`]);
  return rows;
}

function speed(language: Language, dir: string): string[][] {
  const text = distinctText(language, MB);
  const models = modelsIn(dir);
  const tagger = models.entityTagger(language);
  const languageModel = models.languageModel();
  if (!tagger || !languageModel) throw new Error(models.problems.join('\n'));
  const parser = unified().use(remarkParse);
  const lexicon = defaultLexicon();
  const paragraphs = text.split('\n\n').map((p) => {
    const tokens = tokenize(p);
    const starts = roughSentenceStarts(tokens);
    return { p, tokens, starts, rules: findEntities(tokens, p, language, lexicon, starts).findings };
  });
  const measures: [string, () => void][] = [
    ['remark-parse alone (baseline)', () => parser.parse(text)],
    ['analysis, rules alone (baseline)', () => analyze(text, { lexicon, models: NO_MODELS })],
    ['analysis with the models', () => analyze(text, { lexicon, models })],
    ['entity tagger alone', () => paragraphs.forEach((x) => tagEntities(tagger, x.tokens, x.p, x.starts, x.rules))],
    ['language model alone', () => languageModel.evidence(text)],
  ];
  for (const [, run] of measures) run(); // warm-up: the JIT must not bill the first measured run
  const medians = measures.map(([, run]) => median(Array.from({ length: RUNS }, () => timed(run))));
  return measures.map(([name], k) => [
    `${language}: ${name}`, `${medians[k].toFixed(0)} ms`, rate(text.length, medians[k]), k === 0 ? '' : `${(medians[k] / medians[0]).toFixed(2)}x parse`,
  ]);
}

export const modelsBench: BenchSection = {
  name: 'models',
  async run() {
    const dir = findModelsDir();
    if (!dir) throw new Error('models/ not found: run npm run train');
    printTable(['model file', 'size', 'load (median of 5)', 'verdict'], loading(dir));
    console.log(`\n1 MB of distinct corpus sentences per language, five to a paragraph; CPU time, median of ${RUNS} runs.\n`);
    printTable(['measure', 'time', 'throughput', 'vs parse'], [...speed('de', dir), ...speed('en', dir)]);
  },
};
