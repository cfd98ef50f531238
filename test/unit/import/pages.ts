/** The development set of saved pages (test/fixtures/import) as the import tests read it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');

export interface Gold {
  lang: string;
  title: string;
  published: string | null;
  author: string | null;
  outlet: string | null;
  canonical: string | null;
  body: string[];
  with: string[];
  without: string[];
  /** Boilerplate the extraction is known to keep (listed so that the figures stay honest). */
  knownLeaks?: string[];
}

/** The development set (the extraction was tuned on it), or the held-out set (written afterwards). */
export function developmentPages(set: 'import' | 'import/heldout' = 'import'): { name: string; path: string; bytes: Buffer; gold: Gold }[] {
  const pages = join(ROOT, 'test/fixtures', set, 'pages');
  return readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.html$/, ''),
      path: join(pages, f),
      bytes: readFileSync(join(pages, f)),
      gold: JSON.parse(readFileSync(join(ROOT, 'test/fixtures', set, 'gold', f.replace(/\.html$/, '.json')), 'utf8')) as Gold,
    }));
}

/** Wraps article paragraphs in a page with the usual furniture, for tests that need their own page. */
export function pageWith(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Test page</h1>${body}</article>
<footer>© Example</footer></body></html>`;
}

export const PARAGRAPHS = [
  '<p>The first paragraph of the article says something about language models that is long enough to count as prose for the extractor, with commas, clauses and more words.</p>',
  '<p>The second paragraph adds a number: the company reported 41,000 conversations in October, and said three out of four needed no human follow-up at all.</p>',
  '<p>The third paragraph closes the story with a quote from a spokesperson, who said the system would be reviewed again in the first half of next year.</p>',
].join('\n');
