/**
 * `npm run bench -- import`: extraction quality and import time on the development set of saved
 * pages (test/fixtures/import). The baseline, measured in the same run, is parsing the same page
 * into a DOM with linkedom alone — the least any DOM-based extractor must spend.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { importInWorker, importPage, measureMarkup, type ImportInput } from '../src/core/import';
import { readabilityLimit } from '../src/core/import/extractArticle';
import { markdownToPlainText, sentenceRecall, sumTokenScores, tokenScore, type TokenScore } from '../src/core/import/extractionScore';
import type { BenchSection } from './bench';
import { fixturesFolder } from './shared';
import { whileTicking } from '../test/support/eventLoopWatch';

export interface GoldPage {
  name: string;
  bytes: Uint8Array;
  gold: { lang: string; title: string; published: string | null; body: string[]; with: string[]; without: string[] };
}

/**
 * A set of saved pages with their hand-checked gold: `import` (the development set the extraction
 * was tuned on) or `import/heldout` (written afterwards; see docs/import.md for what changed since).
 */
export function readPageSet(set: 'import' | 'import/heldout', root = fixturesFolder()): GoldPage[] {
  const pages = join(root, set, 'pages');
  return readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.html$/, ''),
      bytes: readFileSync(join(pages, f)),
      gold: JSON.parse(readFileSync(join(root, set, 'gold', f.replace(/\.html$/, '.json')), 'utf8')) as GoldPage['gold'],
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

/** Prints token precision/recall/F1, required sentences found and boilerplate present, per page and per language. */
function scoreSet(pages: GoldPage[]): void {
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
}

/** A page grown to `size` bytes by repeating its comment section, teasers and navigation before </body>. */
function bloated(page: GoldPage, size: number): Uint8Array {
  const html = Buffer.from(page.bytes).toString('utf8');
  const furniture = ['comments', 'teaser-list', 'site-footer'].map((name) => new RegExp(`<(section|footer)[^>]*class="${name}"[\\s\\S]*?</\\1>`).exec(html)?.[0] ?? '').join('\n');
  const parts = [html.slice(0, html.lastIndexOf('</body>'))];
  let length = parts[0].length;
  while (length < size) {
    parts.push(furniture);
    length += furniture.length;
  }
  parts.push('</body></html>');
  return Buffer.from(parts.join('\n'), 'utf8');
}

export const importBench: BenchSection = {
  name: 'import',
  async run() {
    const pages = readPageSet('import');
    console.log('Development set (test/fixtures/import, the extraction was tuned on it):\n');
    scoreSet(pages);
    console.log('\nHeld-out set (test/fixtures/import/heldout, written after the tuning; one general change made after scoring it, see docs/import.md):\n');
    scoreSet(readPageSet('import/heldout'));
    const fetched = new Date('2025-02-01T00:00:00Z');
    console.log('\n| measure (median of 20 runs per page) | median page | slowest page |');
    console.log('| --- | --- | --- |');
    const all = [...pages, ...readPageSet('import/heldout')];
    const html = (p: GoldPage) => Buffer.from(p.bytes).toString('utf8');
    const parse = all.map((p) => timeIt(() => parseHTML(html(p)), 20));
    const readability = all.map((p) => timeIt(() => new Readability((parseHTML(html(p)) as unknown as { document: ConstructorParameters<typeof Readability>[0] }).document).parse(), 20));
    const full = all.map((p) => timeIt(() => importPage(p.bytes, { fileName: `${p.name}.html`, fetched }), 20));
    const line = (label: string, times: number[], note = '') => console.log(`| ${label} | ${median(times).toFixed(1)} ms | ${Math.max(...times).toFixed(1)} ms${note} |`);
    line(`linkedom parse alone (${all.length} pages)`, parse);
    line('linkedom parse + Readability alone (baseline)', readability);
    line('import: decode, clean, Readability, sanitise, markdown, front matter', full, ` (${(median(full) / median(readability)).toFixed(2)}× the baseline at the median)`);

    // Real news pages carry far more markup than text: the same article with 500 KB of comments,
    // teasers and navigation around it.
    const big = bloated(pages.find((p) => p.name === 'de-techportal-qwen') ?? pages[0], 500 * 1024);
    const bigBaseline = timeIt(() => new Readability((parseHTML(Buffer.from(big).toString('utf8')) as unknown as { document: ConstructorParameters<typeof Readability>[0] }).document).parse(), 5);
    const bigImport = timeIt(() => importPage(big, { fileName: 'big.html', fetched }), 5);
    console.log(`\n| a ${Math.round(big.length / 1024)} KB page (the article with page furniture repeated), median of 5 | time |`);
    console.log('| --- | --- |');
    console.log(`| linkedom parse + Readability alone (baseline) | ${bigBaseline.toFixed(0)} ms |`);
    console.log(`| import | ${bigImport.toFixed(0)} ms (${(bigImport / bigBaseline).toFixed(2)}× the baseline) |`);
    await hostilePages(pages[0]);
  },
};

/** The trust-boundary audit's page: a paragraph, then `depth` nested `<div>`s around one word. */
function nestedPage(depth: number): string {
  return `<html><head><title>T</title></head><body><article><p>OpenAI said revenue grew by 45 percent in 2024, according to the company and many other sources of information.</p>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</article></body></html>`;
}

/** A shallow page of `megabytes` of paragraphs (the audit's 9.5 MB page). */
function shallowPage(megabytes: number): string {
  const paragraph = '<p>OpenAI said revenue grew by 45 percent in 2024, according to the company. '.repeat(20) + '</p>\n';
  return `<html><head><title>Big</title></head><body><article>${paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length))}</article></body></html>`;
}

/** Runs an import in the worker while a 10 ms timer ticks here; the timer's longest wait is how long this thread was blocked. */
async function inWorker(input: ImportInput): Promise<{ ms: number; longestGapMs: number; outcome: string }> {
  const { result, ms, longestGapMs } = await whileTicking(() => importInWorker(input));
  const outcome = result.status === 'rejected' ? (result.reason as Error).message : result.value.provenance.extractor.startsWith('ai-news-annotator-fallback') ? 'fallback' : 'Readability';
  return { ms, longestGapMs, outcome };
}

/**
 * Hostile pages (docs/robustness.md): deep nesting and a 9.5 MB page, imported in this thread and
 * in the worker (dist/importWorker.js) as the editor and the command line run it. Baseline in the
 * same run: a development page through the worker (its start-up cost).
 */
async function hostilePages(page: GoldPage): Promise<void> {
  const fetched = new Date('2025-02-01T00:00:00Z');
  console.log('\n| hostile page | depth, elements | import in this thread | in the worker (as the editor and CLI run it) | longest wait of a 10 ms timer meanwhile | Readability? | extractor, or why it failed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const cases: [string, string][] = [
    [`baseline: ${page.name}`, Buffer.from(page.bytes).toString('utf8')],
    ...[125, 250, 500, 700, 1000, 2000, 100_000].map((depth): [string, string] => [`<p> + ${depth.toLocaleString('en')} nested <div>s`, nestedPage(depth)]),
    ['a shallow 9.5 MB page', shallowPage(9.5)],
  ];
  for (const [label, html] of cases) {
    const bytes = new TextEncoder().encode(html);
    const shape = measureMarkup(html);
    const started = performance.now();
    importPage(bytes, { fileName: 'page.html', fetched });
    const inThread = performance.now() - started;
    const worker = await inWorker({ kind: 'page', bytes, source: { fileName: 'page.html', fetched } });
    const readability = readabilityLimit(shape) ? 'no: flattened' : 'yes';
    console.log(`| ${label} (${(bytes.length / 1024).toFixed(0)} KB) | ${shape.depth.toLocaleString('en')}, ${shape.elements.toLocaleString('en')} | ${inThread.toFixed(0)} ms | ${worker.ms.toFixed(0)} ms | ${worker.longestGapMs.toFixed(0)} ms | ${readability} | ${worker.outcome} |`);
  }
}
