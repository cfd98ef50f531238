/**
 * Bench section `discussion`: what the editor's comment threads cost to build from the annotation
 * file, next to a baseline measured in the same run.
 *
 * The editor builds threads only for open articles and rebuilds only those whose annotation changed,
 * so the realistic case is one article's annotations; the whole file is measured for scale. Each
 * annotation has 5 comments; one body in five holds links, brackets or HTML (the bodies that are
 * parsed to be made inert; the others cost no parse). Baseline: `parseAnnotationFile` (parse and
 * validate) of the same annotations, which every open of the file pays anyway.
 */
import type { BenchSection } from './bench';
import { median, printTable, time } from './shared';
import { threadEntries } from '../src/core/discussion/thread';
import { parseAnnotationFile, serializeAnnotationFile, type Annotation } from '../src/core/store';

const RUNS = 7;
const COMMENTS = 5;

const BODIES = [
  'Where is this from? The press release says three years, not one.',
  'Checked with the company by phone, see mail of 3 March.',
  'Agreed, the figure excludes hardware costs.',
  'Still open: the second source is paywalled.',
  'See [the release](https://example.org/pm) and <img src="https://tracker.example/p.gif"> ![x](https://example.org/x.png) or [run](command:x)',
];

function annotations(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`, article: `articles/a${i % 20}.md`, status: 'disputed', quote: { exact: `Satz ${i}`, prefix: '', suffix: '' },
    position: { start: i * 40, end: i * 40 + 30 }, note: `Anmerkung ${i}: **fett** und ein Link https://example.org/${i}`,
    created: '2025-02-01T10:00:00.000Z', modified: '2025-02-01T10:00:00.000Z', author: 'Anna',
    comments: Array.from({ length: COMMENTS }, (_, c) => ({ id: `c${c}`, author: c % 2 ? 'Ben' : 'Anna', at: `2025-02-0${c + 1}T10:00:00.000Z`, body: `${BODIES[c]} (${i})` })),
  }));
}

function medianMs(run: () => void): number {
  run();
  return median(Array.from({ length: RUNS }, () => time(run)));
}

export const discussionBench: BenchSection = {
  name: 'discussion',
  async run(): Promise<void> {
    const rows: string[][] = [];
    for (const count of [1_000, 10_000]) {
      const list = annotations(count);
      const text = serializeAnnotationFile({ version: 2, annotations: list });
      const baseline = medianMs(() => parseAnnotationFile(text));
      const threads = medianMs(() => {
        for (const a of list) threadEntries(a, 'Anna');
      });
      rows.push([count.toLocaleString('en'), (count * COMMENTS).toLocaleString('en'), baseline.toFixed(1), threads.toFixed(1), (threads / baseline).toFixed(2)]);
    }
    console.log(`Thread entries (verdict, comments, inert markdown) for every annotation, against parsing and validating the same annotations (median of ${RUNS})`);
    printTable(['annotations', 'comments', 'parse+validate ms (baseline)', 'thread entries ms', 'ratio'], rows);
    await Promise.resolve();
  },
};
