/**
 * Main-content extraction: Mozilla's Readability (Firefox's reader view) on a linkedom DOM, after
 * removing what the page hides from readers. When the DOM library fails on a page, or Readability
 * finds no article, the page's `<article>`/`<main>` (else its body) is used with the obvious page
 * furniture removed, so that an import never fails only because extraction did.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { flattenMarkup, MAX_NESTING_DEPTH, measureMarkup, type MarkupShape } from './markupShape';
import { isoDate, readPageMetadata, type MetadataDocument, type PageMetadata } from './pageMetadata';

export interface ExtractedArticle {
  title: string;
  /** The article's HTML, still untrusted: it goes through the sanitiser next. */
  contentHtml: string;
  metadata: PageMetadata;
  /** Which path produced the content: Readability, or the fallback. */
  method: 'readability' | 'fallback';
  /** Why the page was taken without Readability because of its size or depth (flattened). */
  limited?: string;
}

/**
 * Deeper than this, a page is flattened and taken without Readability: Readability's scoring (and
 * linkedom's parser) get super-linearly slower with depth (250 nested `<div>`s: 0.6 s, 500: 8.4 s,
 * 1,000: 40 s), and unified's tree walks overflow the stack (2,000). Real articles nest 7–14 levels.
 */
export const MAX_READABILITY_DEPTH = MAX_NESTING_DEPTH;
/**
 * More elements than this, and the page is taken without Readability (its `maxElemsToParse`, which
 * Firefox leaves unset): cleaning and scoring take about 0.4 ms per element of a busy news page on
 * the development machine (17,000 elements: 7.6 s). Real articles have 70–170 elements, a news page
 * with comments and teasers a few thousand (29,000 elements of one: 22.5 s).
 */
export const MAX_READABILITY_ELEMENTS = 20_000;

/** Why a page's shape keeps it from Readability, or undefined when it does not. */
export function readabilityLimit(shape: MarkupShape): string | undefined {
  if (shape.depth > MAX_READABILITY_DEPTH) return `its elements nest ${shape.depth.toLocaleString('en')} levels deep (the limit is ${MAX_READABILITY_DEPTH})`;
  if (shape.elements > MAX_READABILITY_ELEMENTS) return `it has ${shape.elements.toLocaleString('en')} elements (the limit is ${MAX_READABILITY_ELEMENTS.toLocaleString('en')})`;
  return undefined;
}

/** Below this many characters of text Readability's result is not an article. */
const MIN_ARTICLE_CHARS = 200;

/** Inline styles and attributes that hide an element from readers. */
const HIDDEN_SELECTORS = ['[hidden]', '[aria-hidden="true"]', '[style*="display:none" i]', '[style*="display: none" i]', '[style*="visibility:hidden" i]', '[style*="visibility: hidden" i]', 'template', 'noscript'];

/** Selectors of the page's own style sheets whose rule hides elements (`.x { display: none }`). */
function hidingSelectors(styleSheets: string[]): string[] {
  const selectors: string[] = [];
  for (const css of styleSheets) {
    // Split at the braces instead of matching `selector { body }` with one expression, which is
    // quadratic on a long run without braces (the regular-expression audit test).
    for (const block of css.replace(/\/\*[\s\S]*?\*\//g, '').split('}')) {
      const open = block.lastIndexOf('{');
      if (open < 0) continue;
      const selector = block.slice(block.lastIndexOf('{', open - 1) + 1, open);
      if (selector.includes('@') || !/display\s*:\s*none|visibility\s*:\s*hidden/i.test(block.slice(open + 1))) continue;
      selectors.push(...selector.split(',').map((s) => s.trim()).filter(Boolean));
    }
  }
  return selectors;
}

/** The DOM operations used here (the project's TypeScript has no DOM library). */
interface DomElement {
  textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
  matches(selector: string): boolean;
  querySelector(selector: string): DomElement | null;
  isConnected: boolean;
  prepend(node: DomElement): void;
}
interface LinkedomDocument extends MetadataDocument {
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  createElement(tag: string): DomElement;
}

function parseDocument(html: string): LinkedomDocument {
  return (parseHTML(html) as unknown as { document: LinkedomDocument }).document;
}

function removeMatching(document: LinkedomDocument, selectors: string[]): void {
  for (const selector of selectors) {
    try {
      for (const element of [...document.querySelectorAll(selector)]) element.remove();
    } catch {
      // A selector linkedom cannot read (pseudo-classes, media rules) hides nothing we can see.
    }
  }
}

/**
 * Class and id words that mark page furniture in the markup of common news and blog systems:
 * consent banners, newsletter boxes, share bars, related links, ads, comments, bylines and tags.
 * Matched against the parts of each class name and id (split at '-' and '_').
 */
const FURNITURE_WORDS = new Set(['cookie', 'cookies', 'consent', 'cmp', 'gdpr', 'onetrust', 'newsletter', 'subscribe', 'signup', 'share', 'sharing', 'sharedaddy', 'social',
  'related', 'relatedposts', 'teaser', 'teasers', 'promo', 'advert', 'advertisement', 'ad', 'ads', 'anzeige', 'sponsor', 'sponsored', 'comment', 'comments', 'disqus',
  'paywall', 'popular', 'meistgelesen', 'readnext', 'more', 'breadcrumb', 'breadcrumbs', 'byline', 'meta', 'kicker', 'dateline', 'readtime', 'tags', 'widget', 'sidebar', 'rail', 'tools', 'print']);

/** Containers that hold the article itself: never removed as furniture. */
const ARTICLE_CONTAINERS = 'article, main, [itemprop="articleBody"], [role="main"]';

function isFurniture(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
  return names.split(/\s+/).some((name) => name.split(/[-_]+/).some((part) => FURNITURE_WORDS.has(part)));
}

/**
 * Removes consent banners, share bars, ads, comments and the like, keeping what holds the article:
 * an article container, or most of the page's text (a layout wrapper named "has-sidebar" is not
 * furniture).
 */
function removeFurniture(document: LinkedomDocument): void {
  const pageText = (document.body?.textContent ?? '').length;
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected || !isFurniture(element)) continue;
    if (element.matches(ARTICLE_CONTAINERS) || element.querySelector(ARTICLE_CONTAINERS)) continue;
    if ((element.textContent ?? '').length > pageText / 2) continue;
    element.remove();
  }
}

/**
 * Readability drops an h1/h2 whose class or id sounds like page furniture ("header-anchor-post",
 * "article-header__subhead"): a heading's class only styles it, so it is removed before.
 */
function unclassHeadings(document: LinkedomDocument): void {
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    heading.removeAttribute('class');
    heading.removeAttribute('id');
  }
}

/** Gives the document a base address so that Readability makes relative links absolute. */
function setBase(document: LinkedomDocument, pageUrl: string | undefined): void {
  if (!pageUrl || document.querySelector('base[href]') || !document.head) return;
  const base = document.createElement('base');
  base.setAttribute('href', pageUrl);
  document.head.prepend(base);
}

function documentTitle(document: LinkedomDocument): string {
  return (document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('h1')?.textContent ?? document.title ?? '').trim();
}

function extractWithReadability(html: string, pageUrl: string | undefined): ExtractedArticle | null {
  const document = parseDocument(html);
  const metadata = readPageMetadata(document, pageUrl);
  const styles = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '');
  removeMatching(document, [...HIDDEN_SELECTORS, ...hidingSelectors(styles)]);
  removeFurniture(document);
  unclassHeadings(document);
  setBase(document, pageUrl ?? metadata.canonicalUrl ?? undefined);
  const fallbackTitle = documentTitle(document);
  const fallbackContent = (document.querySelector('article') ?? document.querySelector('main') ?? document.body)?.innerHTML ?? '';
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: MIN_ARTICLE_CHARS }).parse();
  const enriched: PageMetadata = {
    ...metadata,
    published: metadata.published ?? isoDate(parsed?.publishedTime),
    author: metadata.author ?? parsed?.byline?.trim() ?? null,
    outlet: metadata.outlet ?? parsed?.siteName?.trim() ?? null,
    lang: metadata.lang ?? parsed?.lang ?? null,
  };
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) {
    return { title: parsed?.title?.trim() || fallbackTitle, contentHtml: fallbackContent, metadata: enriched, method: 'fallback' };
  }
  return { title: parsed.title?.trim() || fallbackTitle, contentHtml: parsed.content, metadata: enriched, method: 'readability' };
}

/** Without a DOM: the `<article>` or `<main>` element's HTML by pattern, else the body. */
export function extractWithoutDom(html: string): ExtractedArticle {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
  const content = /<article[\s>][\s\S]*<\/article>/i.exec(html)?.[0] ?? /<main[\s>][\s\S]*<\/main>/i.exec(html)?.[0] ?? /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { title, contentHtml: content, metadata: { canonicalUrl: null, published: null, author: null, outlet: null, lang: null }, method: 'fallback' };
}

/**
 * A page too deep or too large for Readability: flattened to {@link MAX_READABILITY_DEPTH} levels,
 * hidden elements removed, its metadata read, and its `<article>`/`<main>` (else body) taken as is.
 * Every step is linear in the page's size at bounded depth.
 */
function extractBounded(html: string, pageUrl: string | undefined, limited: string): ExtractedArticle {
  const flat = flattenMarkup(html, MAX_READABILITY_DEPTH);
  try {
    const document = parseDocument(flat);
    const metadata = readPageMetadata(document, pageUrl);
    removeMatching(document, HIDDEN_SELECTORS);
    const content = (document.querySelector('article') ?? document.querySelector('main') ?? document.body)?.innerHTML ?? '';
    return { title: documentTitle(document), contentHtml: content, metadata, method: 'fallback', limited };
  } catch {
    return { ...extractWithoutDom(flat), limited };
  }
}

/**
 * Finds the article in a page.
 * @param html the whole page, untrusted
 * @param pageUrl where it came from, for relative addresses
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const limited = readabilityLimit(measureMarkup(html));
  if (limited) return extractBounded(html, pageUrl, limited);
  try {
    return extractWithReadability(html, pageUrl) ?? extractWithoutDom(html);
  } catch {
    return extractWithoutDom(html);
  }
}
