/**
 * What a news page says about itself: its address, publication date, author, outlet and language,
 * read from the places publishers put them (Open Graph, article:*, JSON-LD NewsArticle, Dublin
 * Core, `<time>`), so that the imported article keeps its provenance.
 */

/** The DOM operations the readers need (linkedom's and jsdom's documents both have them). */
export interface MetadataDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
  documentElement: { getAttribute(name: string): string | null } | null;
}

export interface PageMetadata {
  canonicalUrl: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  lang: string | null;
}

function metaContent(doc: MetadataDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, flattened through arrays and `@graph`. */
function jsonLdObjects(doc: MetadataDocument): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as Record<string, unknown>);
      visit((value as Record<string, unknown>)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common; the other sources still count.
    }
  }
  return objects;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle/;

function isArticleObject(object: Record<string, unknown>): boolean {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return null;
}

/**
 * The calendar date (YYYY-MM-DD) of a machine-readable date, as the publisher wrote it (the date in
 * the publisher's own time zone, not shifted to UTC); null when it is not a date.
 */
export function isoDate(value: string | null | undefined): string | null {
  const match = value ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}

function publishedDate(doc: MetadataDocument, article: Record<string, unknown> | undefined): string | null {
  const candidates = [
    typeof article?.datePublished === 'string' ? article.datePublished : null,
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.date"]',
      'meta[name="publish-date"]',
      'meta[name="pubdate"]',
    ]),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? null,
    doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null,
    doc.querySelector('time[pubdate]')?.getAttribute('datetime') ?? null,
  ];
  for (const candidate of candidates) {
    const date = isoDate(candidate);
    if (date) return date;
  }
  return null;
}

/** An absolute http(s) address, or null (relative ones are resolved against the page's address). */
function absoluteUrl(value: string | null | undefined, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads the page's metadata.
 * @param pageUrl the address the page was fetched from (resolves a relative canonical link)
 */
export function readPageMetadata(doc: MetadataDocument, pageUrl?: string): PageMetadata {
  const jsonLd = jsonLdObjects(doc);
  const article = jsonLd.find(isArticleObject);
  const canonicalUrl =
    absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ??
    absoluteUrl(metaContent(doc, ['meta[property="og:url"]']), pageUrl);
  const author =
    nameOf(article?.author) ??
    metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="DC.creator"]']);
  const outlet = nameOf(article?.publisher) ?? metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const lang =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    metaContent(doc, ['meta[http-equiv="content-language"]', 'meta[property="og:locale"]'])?.replace('_', '-') ||
    null;
  return { canonicalUrl, published: publishedDate(doc, article), author, outlet, lang };
}
