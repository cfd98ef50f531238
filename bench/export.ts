/**
 * Bench section `export`: a workspace of 200 articles (the seeds copied with variations) and 20,000
 * annotations, exported in every format, and the cross-article index built over it.
 *
 * Baselines, measured in the same run: for the exports, `JSON.stringify` of the annotations (the
 * least any export must do: touch and serialise each annotation once); for the cross index, a
 * plain pass over all findings (counting them by kind), and the analysis of all articles, which
 * the index needs as input but which the editor has already done.
 * Targets: each export under 2 s, the index under 1 s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection } from './bench';
import { random, seedsFolder } from './shared';
import { analyze, readArticleDate } from '../src/core/analysis';
import type { Analysis } from '../src/core/analysis/types';
import { buildCrossIndex } from '../src/core/crossref';
import { exportClaimReview, exportCsv, exportMarkdown, exportW3c, type ExportInput } from '../src/core/export';
import { contentHash } from '../src/core/review/contentHash';
import { makeQuote } from '../src/core/store';
import { STATUSES, type Annotation } from '../src/core/store/annotation';

const ARTICLES = 200;
const ANNOTATIONS = 20_000;
const RUNS = 5;
const EXPORT_TARGET_MS = 2000;
const INDEX_TARGET_MS = 1000;

/** The seeds copied with variations: other figures, a line naming the copy, some paragraphs dropped. */
function makeArticles(): { path: string; text: string }[] {
  const folder = seedsFolder();
  const seeds = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(folder, f), 'utf8'));
  const next = random(42);
  return Array.from({ length: ARTICLES }, (_, i) => {
    const seed = seeds[i % seeds.length];
    const { metadataEnd } = readArticleDate(seed);
    const body = seed
      .slice(metadataEnd)
      .split('\n')
      .filter(() => next() > 0.1)
      .join('\n')
      .replace(/\d+,\d+/g, (figure) => (next() < 0.3 ? (Number(figure.replace(',', '.')) * (0.8 + next() * 0.4)).toFixed(1).replace('.', ',') : figure));
    return { path: `articles/${String(i).padStart(3, '0')}-${i % seeds.length}.txt`, text: `${seed.slice(0, metadataEnd)}Kopie ${i}.\n${body}` };
  });
}

/**
 * 100 annotations per article on word-aligned spans, with every optional field in use. One in 20
 * was made on an earlier wording (a changed letter, a shifted position), so re-anchoring has to
 * search for it approximately, as after a real edit.
 */
function makeAnnotations(articles: { path: string; text: string }[]): Annotation[] {
  const next = random(7);
  const perArticle = ANNOTATIONS / articles.length;
  const annotations: Annotation[] = [];
  for (const [a, article] of articles.entries()) {
    const hash = contentHash(article.text);
    for (let k = 0; k < perArticle; k++) {
      const start = wordStart(article.text, Math.floor(next() * (article.text.length - 200)));
      const end = Math.min(article.text.length, start + 40 + Math.floor(next() * 100));
      const id = `b${a}-${k}`;
      const annotation: Annotation = {
        id,
        article: article.path,
        status: STATUSES[k % STATUSES.length],
        quote: makeQuote(article.text, start, end),
        position: { start, end },
        note: k % 3 === 0 ? `Geprüft, "Quelle ${k}", siehe Archiv;\nzweite Zeile mit =Formel und [Link](http://x)` : '',
        created: '2025-01-15T10:00:00.000Z',
        modified: '2025-02-01T10:00:00.000Z',
        author: ['Anna Schmidt', 'Ben Okafor', 'Chris Weber'][k % 3],
        articleHash: k % 10 === 0 ? contentHash('older text') : hash,
        evidence: [`https://example.org/evidence/${id}`],
      };
      if (k % 20 === 1) {
        const middle = Math.floor(annotation.quote.exact.length / 2);
        annotation.quote.exact = `${annotation.quote.exact.slice(0, middle)}x${annotation.quote.exact.slice(middle + 1)}`;
        annotation.position = { start: start + 3, end: end + 3 };
      }
      if (k % 4 === 0) annotation.reviewBy = '2025-03-01';
      if (k % 20 === 0) annotation.private = true;
      annotations.push(annotation);
    }
  }
  return annotations;
}

function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\S/.test(text[i - 1])) i--;
  return i;
}

/** The median of `runs` timings of `work`, in milliseconds. */
function time(work: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function row(label: string, ms: number, baselineMs: number, targetMs: number | null): string {
  const verdict = targetMs === null ? '' : ms < targetMs ? `< ${targetMs} ms ✓` : `≥ ${targetMs} ms ✗`;
  return `| ${label.padEnd(36)} | ${ms.toFixed(1).padStart(9)} | ${baselineMs.toFixed(1).padStart(9)} | ${(ms / baselineMs).toFixed(1).padStart(6)}× | ${verdict.padEnd(14)} |`;
}

export const exportBench: BenchSection = {
  name: 'export',
  async run() {
    const articles = makeArticles();
    const annotations = makeAnnotations(articles);
    let analyses: Analysis[] = [];
    // Measured once: it is the slow input, not a figure of this section.
    const analysisMs = time(() => (analyses = articles.map((a) => analyze(a.text))), 1);
    const input: ExportInput = {
      articles: articles.map((a, i) => ({ ...a, analysis: analyses[i] })),
      annotations,
      baseIri: 'https://git.example/team/news/blob/main/',
      reviewer: 'Faktencheck-Team',
    };
    const options = { now: new Date('2025-06-01T00:00:00Z') };
    const findings = analyses.reduce((sum, a) => sum + a.findings.length, 0);
    console.log(`${articles.length} articles (${(articles.reduce((s, a) => s + a.text.length, 0) / 1e6).toFixed(1)} M characters), ${annotations.length} annotations, ${findings} findings; median of ${RUNS} runs, ${process.version}.\n`);

    const stringifyMs = time(() => JSON.stringify(annotations));
    const sizes: Record<string, number> = {};
    const formats: [string, () => string][] = [
      ['export markdown', () => exportMarkdown(input, options)],
      ['export csv', () => exportCsv(input, options)],
      ['export w3c (object + JSON.stringify)', () => JSON.stringify(exportW3c(input, options), null, 2)],
      ['export claimreview (+ JSON.stringify)', () => JSON.stringify(exportClaimReview(input, options), null, 2)],
    ];
    const passMs = time(() => {
      const byKind = { number: 0, entity: 0, claim: 0 };
      for (const analysis of analyses) for (const finding of analysis.findings) byKind[finding.kind]++;
      return byKind;
    });
    const indexArticles = articles.map((a, i) => ({ ...a, analysis: analyses[i] }));
    let conflicts = 0;
    let entities = 0;

    console.log(`| ${'step'.padEnd(36)} | ${'ms'.padStart(9)} | ${'baseline'.padStart(9)} | ${'ratio'.padStart(7)} | ${'target'.padEnd(14)} |`);
    console.log(`| ${'-'.repeat(36)} | ${'-'.repeat(9)} | ${'-'.repeat(9)} | ${'-'.repeat(7)} | ${'-'.repeat(14)} |`);
    for (const [label, render] of formats) {
      const ms = time(() => (sizes[label] = render().length));
      console.log(row(label, ms, stringifyMs, EXPORT_TARGET_MS));
    }
    const indexMs = time(() => {
      const index = buildCrossIndex(indexArticles);
      conflicts = index.conflicts.length;
      entities = index.entities.length;
    });
    console.log(row('cross index (vs plain pass)', indexMs, passMs, INDEX_TARGET_MS));
    console.log(row('cross index (vs analysis of all)', indexMs, analysisMs, INDEX_TARGET_MS));
    console.log(`\nBaselines: JSON.stringify of the annotations ${stringifyMs.toFixed(1)} ms; a plain pass over the findings ${passMs.toFixed(1)} ms; analysing all articles ${analysisMs.toFixed(1)} ms.`);
    console.log(`Output sizes: ${Object.entries(sizes).map(([label, size]) => `${label.split(' ')[1]} ${(size / 1e6).toFixed(1)} MB`).join(', ')}. Index: ${entities} entities, ${conflicts} conflicts.`);
  },
};
