/**
 * Bench section `analysis`.
 *
 * 1. A 1 MB article (the seeds repeated) analysed in full. Baseline in the same run: remark-parse alone
 *    on the same text. Target: the whole analysis costs at most 1.5x the parse.
 * 2. One-character edits in that article, each re-analysed by an IncrementalAnalyzer that reuses the
 *    unchanged paragraphs. Target: median of 50 edits at most 5 ms. The last result is checked against
 *    a full analysis of the same text.
 * 3. 1 MB of distinct real text from the corpora (see distinct.ts): full analysis against the parse,
 *    one-character edits, the models' size and first-call cost.
 * 4. Inputs that break naive scanners: 1 MB in one paragraph, 1 MB of digits, 1 MB without spaces,
 *    each at 1 MB and 2 MB. Target: no super-linear growth (2 MB costs about twice 1 MB).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { BenchSection } from './bench';
import { EDIT_TARGET_MS, EDITS, mbPerSecond, median, printTable, seedTexts, time, timeOneCharacterEdits } from './shared';
import { distinctArticles, distinctEdits, distinctFullAnalysis, firstCallRows, modelFiles } from './distinct';
import { analyze, defaultLexicon, type Lexicon } from '../src/core/analysis';

const MB = 1 << 20;
const FULL_RUNS = 5;
const FULL_TARGET_RATIO = 1.5;
const GROWTH_LIMIT = 2.5;

/** The seeds repeated, separated by blank lines, cut to `size` characters. */
function repeatedSeeds(size: number): string {
  const seeds = seedTexts();
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const seed = seeds[i % seeds.length];
    parts.push(seed);
    length += seed.length + 2;
  }
  return parts.join('\n\n').slice(0, size);
}

function fullAnalysis(text: string, lexicon: Lexicon): string[][] {
  const parser = unified().use(remarkParse);
  // Warm both paths once so that the JIT does not bill the first measured run.
  parser.parse(text.slice(0, 100_000));
  analyze(text.slice(0, 100_000), { lexicon });
  const parseTimes: number[] = [];
  const analysisTimes: number[] = [];
  for (let run = 0; run < FULL_RUNS; run++) {
    parseTimes.push(time(() => parser.parse(text)));
    analysisTimes.push(time(() => analyze(text, { lexicon })));
  }
  const parse = median(parseTimes);
  const full = median(analysisTimes);
  const ratio = full / parse;
  return [
    ['remark-parse alone, 1 MB (baseline)', `${parse.toFixed(0)} ms`, `${mbPerSecond(text.length, parse)} MB/s`, ''],
    ['full analysis, 1 MB', `${full.toFixed(0)} ms`, `${mbPerSecond(text.length, full)} MB/s`, `${ratio.toFixed(2)}x parse (target <= ${FULL_TARGET_RATIO}x) ${ratio <= FULL_TARGET_RATIO ? 'ok' : 'MISSED'}`],
  ];
}

function incrementalEdits(text: string, lexicon: Lexicon): string[][] {
  const { first, times } = timeOneCharacterEdits(text, lexicon, 42);
  const med = median(times);
  return [
    ['first analysis by the incremental analyzer', `${first.toFixed(0)} ms`, '', 'identical blocks of the repeated seeds are analysed once'],
    [`one-character edit, median of ${EDITS}`, `${med.toFixed(2)} ms`, '', `target <= ${EDIT_TARGET_MS} ms ${med <= EDIT_TARGET_MS ? 'ok' : 'MISSED'}`],
    [`one-character edit, slowest of ${EDITS}`, `${Math.max(...times).toFixed(2)} ms`, '', 'result checked against a full analysis: identical'],
  ];
}

function adversarial(lexicon: Lexicon): string[][] {
  const prose = repeatedSeeds(2 * MB + 10);
  const inputs: [string, (size: number) => string][] = [
    ['one paragraph (no line breaks)', (size) => prose.replace(/\s+/g, ' ').slice(0, size)],
    ['digits only', (size) => '1234567890'.repeat(Math.ceil(size / 10)).slice(0, size)],
    ['no spaces', (size) => prose.replace(/\s+/g, '').slice(0, size)],
  ];
  const rows: string[][] = [];
  for (const [name, make] of inputs) {
    const one = make(MB);
    const two = make(2 * MB);
    analyze(one.slice(0, 50_000), { lexicon });
    const t1 = time(() => analyze(one, { lexicon }));
    const t2 = time(() => analyze(two, { lexicon }));
    const growth = t2 / t1;
    rows.push([name, `${t1.toFixed(0)} ms`, `${t2.toFixed(0)} ms`, `${growth.toFixed(2)}x ${growth <= GROWTH_LIMIT ? 'ok (linear)' : 'SUPER-LINEAR'}`]);
  }
  return rows;
}

export const analysisBench: BenchSection = {
  name: 'analysis',
  async run() {
    const lexicon = defaultLexicon();
    const article = repeatedSeeds(MB);
    console.log(`Article: the seeds repeated to ${(article.length / MB).toFixed(2)} MB (${article.length} UTF-16 units).\n`);
    printTable(['measure', 'time', 'throughput', 'verdict'], [...fullAnalysis(article, lexicon), ...incrementalEdits(article, lexicon)]);
    console.log('');
    const distinct = distinctArticles();
    console.log(`Distinct real text from data/corpora: ${distinct.de.length} + ${distinct.en.length} UTF-16 units (German + English), analysed as two articles.\n`);
    printTable(['measure', 'time', 'throughput', 'verdict'], [
      ...distinctFullAnalysis(distinct, lexicon), ...distinctEdits(distinct.de, lexicon), ...firstCallRows(), ...modelFiles(),
    ]);
    console.log('');
    printTable(['adversarial input', '1 MB', '2 MB', 'growth 1 -> 2 MB'], adversarial(lexicon));
  },
};
