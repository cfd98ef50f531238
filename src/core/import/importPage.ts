/**
 * One page in, one article out: decode, extract the main content, convert it to markdown and put
 * the provenance in front. Pure: the bytes come from the caller (a fetch or a file read).
 */
import { createHash } from 'node:crypto';
import readabilityPackage from '@mozilla/readability/package.json';
import linkedomPackage from 'linkedom/package.json';
import { decodePage } from './decode';
import { extractArticle } from './extractArticle';
import { renderFrontMatter, type ArticleProvenance } from './frontMatter';
import { htmlToMarkdown } from './htmlToMarkdown';

/** The extractor recorded in the front matter, so that a re-import can be compared fairly. */
export const READABILITY_EXTRACTOR = `@mozilla/readability@${readabilityPackage.version}+linkedom@${linkedomPackage.version}`;
export const FALLBACK_EXTRACTOR = 'ai-news-annotator-fallback@1';
export const PLAIN_TEXT_EXTRACTOR = 'ai-news-annotator-plain-text@1';

export interface PageSource {
  /** The URL fetched (after redirects), or undefined for a saved page. */
  url?: string;
  /** The saved page's file name, for a page read from disk. */
  fileName?: string;
  /** The HTTP Content-Type header, for a fetched page. */
  contentType?: string;
  fetched: Date;
}

export interface ImportedArticle {
  /** The whole file: front matter, `#` title, the article in markdown, a final newline. */
  markdown: string;
  provenance: ArticleProvenance;
  /** The article text without front matter and title (what extraction quality is scored on). */
  body: string;
}

function titleFallback(source: PageSource): string {
  if (source.url) return new URL(source.url).hostname;
  return source.fileName?.replace(/\.html?$/i, '') ?? 'Untitled article';
}

/**
 * Imports a page.
 * @throws ImportRefusal (from decodePage) when the bytes are not an HTML page we can import
 */
export function importPage(bytes: Uint8Array, source: PageSource): ImportedArticle {
  const { html } = decodePage(bytes, source.contentType);
  const extracted = extractArticle(html, source.url);
  const title = extracted.title.replace(/\s+/g, ' ').trim() || titleFallback(source);
  const canonical = extracted.metadata.canonicalUrl;
  // A saved page's relative links point below the address it names as its own.
  const baseUrl = source.url ?? canonical ?? undefined;
  const body = htmlToMarkdown(extracted.contentHtml, { title, ...(baseUrl ? { baseUrl } : {}) });
  const provenance: ArticleProvenance = {
    title,
    source: source.url ?? `file:${source.fileName ?? 'page.html'}`,
    canonical,
    fetched: source.fetched.toISOString(),
    published: extracted.metadata.published,
    author: extracted.metadata.author,
    outlet: extracted.metadata.outlet,
    lang: extracted.metadata.lang,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    extractor: extracted.method === 'readability' ? READABILITY_EXTRACTOR : FALLBACK_EXTRACTOR,
  };
  const markdown = `${renderFrontMatter(provenance)}\n# ${escapeHeading(title)}\n\n${body}\n`;
  return { markdown, provenance, body };
}

/** A title as heading text: markdown characters that would change its meaning are escaped. */
function escapeHeading(title: string): string {
  return title.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

/** Escapes what would turn a line of plain text into markdown structure or HTML. */
function plainLineToMarkdown(line: string): string {
  return line
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^(\s{0,3})([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s{0,3}\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Plain text (from the clipboard) as an article: the first line is the title, the rest stays as
 * written, with the same provenance fields (the source names where it came from).
 */
export function importPlainText(text: string, source: { label: string; fetched: Date }): ImportedArticle {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.findIndex((l) => l.trim() !== '');
  const title = (firstLine >= 0 ? lines[firstLine].trim() : '').slice(0, 200) || 'Untitled article';
  const body = lines.slice(firstLine + 1).map(plainLineToMarkdown).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const provenance: ArticleProvenance = {
    title,
    source: source.label,
    canonical: null,
    fetched: source.fetched.toISOString(),
    published: null,
    author: null,
    outlet: null,
    lang: null,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    extractor: PLAIN_TEXT_EXTRACTOR,
  };
  return { markdown: `${renderFrontMatter(provenance)}\n# ${escapeHeading(title)}\n\n${body}\n`, provenance, body };
}
