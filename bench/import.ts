/**
 * `npm run bench -- import`: extraction quality and import time on the development set of saved
 * pages (test/fixtures/import). The baseline, measured in the same run, is parsing the same page
 * into a DOM with linkedom alone — the least any DOM-based extractor must spend.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { importPage } from '../src/core/import';
import { markdownToPlainText, sentenceRecall, sumTokenScores, tokenScore, type TokenScore } from '../src/core/import/extractionScore';
import type { BenchSection } from './bench';
import { fixturesFolder } from './shared';

export interface GoldPage {
  name: string;
  bytes: Uint8Array;
  gold: { lang: string; title: string; published: string | null; body: string[]; with: string[]; without: string[] };
}

/** The development set: each saved page with its hand-checked gold. */
export function readDevelopmentSet(root = fixturesFolder()): GoldPage[] {
  const pages = join(root, 'import', 'pages');
  return readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.html$/, ''),
      bytes: readFileSync(join(pages, f)),
      gold: JSON.parse(readFileSync(join(root, 'import', 'gold', f.replace(/\.html$/, '.json')), 'utf8')) as GoldPage['gold'],
    }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeIt(run: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const pct = (x: number) => (x * 100).toFixed(1);

function row(name: string, s: TokenScore, withFound: string, withoutKept: string): string {
  return `| ${name} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${withFound} | ${withoutKept} |`;
}

export const importBench: BenchSection = {
  name: 'import',
  async run() {
    const pages = readDevelopmentSet();
    const fetched = new Date('2025-02-01T00:00:00Z');
    console.log('| page | precision | recall | F1 | required sentences found | boilerplate sentences present |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    const byLanguage: Record<string, { scores: TokenScore[]; found: number; total: number }> = {};
    for (const page of pages) {
      const imported = importPage(page.bytes, { fileName: `${page.name}.html`, fetched });
      const text = markdownToPlainText(imported.body);
      const score = tokenScore(text, page.gold.body.join('\n'));
      const required = sentenceRecall(text, page.gold.with);
      const present = sentenceRecall(text, page.gold.without);
      console.log(row(page.name, score, `${required.found}/${required.total}`, `${present.found}/${present.total}`));
      const language = page.gold.lang.slice(0, 2);
      byLanguage[language] ??= { scores: [], found: 0, total: 0 };
      byLanguage[language].scores.push(score);
      byLanguage[language].found += required.found;
      byLanguage[language].total += required.total;
    }
    for (const [language, entry] of Object.entries(byLanguage)) {
      console.log(row(`all ${language}`, sumTokenScores(entry.scores), `${entry.found}/${entry.total}`, ''));
    }
    const all = Object.values(byLanguage);
    console.log(row('all pages', sumTokenScores(all.flatMap((e) => e.scores)), `${all.reduce((a, e) => a + e.found, 0)}/${all.reduce((a, e) => a + e.total, 0)}`, ''));

    console.log('\n| measure (median of 20 runs per page) | median page | slowest page |');
    console.log('| --- | --- | --- |');
    const baseline = pages.map((p) => timeIt(() => parseHTML(Buffer.from(p.bytes).toString('utf8')), 20));
    const full = pages.map((p) => timeIt(() => importPage(p.bytes, { fileName: `${p.name}.html`, fetched }), 20));
    console.log(`| linkedom parse alone (baseline) | ${median(baseline).toFixed(1)} ms | ${Math.max(...baseline).toFixed(1)} ms |`);
    console.log(`| import: decode, extract, sanitise, markdown | ${median(full).toFixed(1)} ms | ${Math.max(...full).toFixed(1)} ms (${(median(full) / median(baseline)).toFixed(1)}× the parse at the median) |`);
  },
};
