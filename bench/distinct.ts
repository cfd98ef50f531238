/**
 * Part of bench section `analysis`: 1 MB of distinct real text (half German, half English, built
 * from data/corpora, see distinctText.ts), analysed as two articles, against remark-parse alone on
 * the same two texts in the same run. Target: at most 3.0x the parse with the trained models, 2.0x
 * for the rules (goal 1.5x). Also a one-character edit in the German article (median of 50, target
 * 5 ms), a digest of the findings (equal digests: a speed change left every result as it was) and
 * what the models cost: the size of each weights file in models/ and the first analysis call of a
 * fresh process against the later ones.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { distinctArticle } from './distinctText';
import { EDIT_TARGET_MS, EDITS, mbPerSecond, median, time, timeOneCharacterEdits } from './shared';
import { analyze, type Analysis, type Lexicon } from '../src/core/analysis';

const HALF_MB = 1 << 19;
const RUNS = 7;
const RULES_TARGET_RATIO = 2.0;
const MODELS_TARGET_RATIO = 3.0;
/** Set in the environment of the child process that measures a fresh process's first analysis. */
export const FIRST_CALL_PROBE = 'AINEWS_BENCH_FIRST_CALL';
/** Files in models/ that are not weights. */
const NOT_WEIGHTS = /^(\.gitkeep|README\.md|.*\.md)$/;

/** The two articles of the bench: 512 KB of German, 512 KB of English, every paragraph distinct. */
export function distinctArticles(): { de: string; en: string } {
  return { de: distinctArticle('de', HALF_MB), en: distinctArticle('en', HALF_MB) };
}

/** A short fingerprint of every finding (kind, type, span, value, unit, score), equal when results are. */
function digest(analyses: Analysis[]): string {
  const hash = createHash('sha256');
  for (const analysis of analyses) {
    hash.update(analysis.language);
    for (const f of analysis.findings) hash.update(JSON.stringify(f));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Full analysis of both articles against remark-parse on both: medians of RUNS; the verdict is the median of the runs' own ratios. */
export function distinctFullAnalysis(articles: { de: string; en: string }, lexicon: Lexicon): string[][] {
  const texts = [articles.de, articles.en];
  const parser = unified().use(remarkParse);
  // Warm both paths once so that the JIT does not bill the first measured run.
  for (const text of texts) {
    parser.parse(text.slice(0, 100_000));
    analyze(text.slice(0, 100_000), { lexicon });
  }
  const parse: number[][] = [[], []];
  const full: number[][] = [[], []];
  let results: Analysis[] = [];
  // Each run's own ratio: on a shared machine the load changes between runs, less so within one.
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    results = [];
    texts.forEach((text, k) => {
      parse[k].push(time(() => parser.parse(text)));
      full[k].push(time(() => results.push(analyze(text, { lexicon }))));
    });
    ratios.push((full[0][run] + full[1][run]) / (parse[0][run] + parse[1][run]));
  }
  const chars = articles.de.length + articles.en.length;
  const [parseDe, parseEn] = parse.map(median);
  const [fullDe, fullEn] = full.map(median);
  const ratio = median(ratios);
  const verdict = `${ratio.toFixed(2)}x parse, median of the runs' ratios (rules target <= ${RULES_TARGET_RATIO}x, with models <= ${MODELS_TARGET_RATIO}x) ${ratio <= RULES_TARGET_RATIO ? 'ok' : 'MISSED'}`;
  const findings = results.reduce((n, a) => n + a.findings.length, 0);
  return [
    ['remark-parse alone, 1 MB distinct (baseline)', `${(parseDe + parseEn).toFixed(0)} ms`, `${mbPerSecond(chars, parseDe + parseEn)} MB/s`, ''],
    ['full analysis, 1 MB distinct', `${(fullDe + fullEn).toFixed(0)} ms`, `${mbPerSecond(chars, fullDe + fullEn)} MB/s`, verdict],
    ['  German half', `${fullDe.toFixed(0)} ms`, `parse ${parseDe.toFixed(0)} ms`, `${(fullDe / parseDe).toFixed(2)}x parse`],
    ['  English half', `${fullEn.toFixed(0)} ms`, `parse ${parseEn.toFixed(0)} ms`, `${(fullEn / parseEn).toFixed(2)}x parse`],
    ['findings (digest)', `${findings}`, digest(results), 'equal digests: equal results'],
  ];
}

/** One-character edits in the German article, re-analysed incrementally; checked against a full analysis. */
export function distinctEdits(text: string, lexicon: Lexicon): string[][] {
  const { times } = timeOneCharacterEdits(text, lexicon, 7);
  const med = median(times);
  return [[`one-character edit in the German half, median of ${EDITS}`, `${med.toFixed(2)} ms`, `slowest ${Math.max(...times).toFixed(2)} ms`, `target <= ${EDIT_TARGET_MS} ms ${med <= EDIT_TARGET_MS ? 'ok' : 'MISSED'}`]];
}

/** The weights files in models/ with their sizes; none while no model is trained. */
export function modelFiles(root = process.cwd()): string[][] {
  const dir = join(root, 'models');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !NOT_WEIGHTS.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => [`models/${name}`, `${(statSync(join(dir, name)).size / 1024).toFixed(0)} KB`, '', '']);
}

/** What a fresh process's analyses of one German and one English paragraph cost, in ms: first call, then the next. */
export function firstCallProbe(articles: { de: string; en: string }): { first: number; second: number } {
  const sample = `${articles.de.slice(0, 4000)}\n\n${articles.en.slice(0, 4000)}`;
  const first = time(() => analyze(sample));
  const second = time(() => analyze(sample));
  return { first, second };
}

/**
 * Runs firstCallProbe in a child process (this bench script again, with FIRST_CALL_PROBE set), so
 * that no earlier analysis has loaded models or compiled the code yet.
 */
export function firstCallRows(): string[][] {
  const child = spawnSync(process.execPath, [process.argv[1]], { env: { ...process.env, [FIRST_CALL_PROBE]: '1' }, encoding: 'utf8' });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || !line) throw new Error(`first-call probe failed: ${child.stderr}`);
  const { first, second } = JSON.parse(line) as { first: number; second: number };
  return [
    ['first analysis call of a fresh process (8 KB; loads models, compiles)', `${first.toFixed(1)} ms`, '', ''],
    ['the next call on the same text', `${second.toFixed(1)} ms`, '', `first call costs ${(first - second).toFixed(1)} ms more`],
  ];
}
