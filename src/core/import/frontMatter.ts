/**
 * The YAML front matter of an imported article: where it came from and when, so that a verdict can
 * be traced to what the page said when it was checked.
 */

export interface ArticleProvenance {
  title: string;
  /** The URL fetched, or `file:` plus the saved page's path and, when it names one, its canonical address. */
  source: string;
  /** The address the page names as its own (`<link rel="canonical">`, else og:url), or null. */
  canonical: string | null;
  /** When the page was fetched or read (ISO time). */
  fetched: string;
  /** The publication date (YYYY-MM-DD) from the page's metadata, or null. */
  published: string | null;
  author: string | null;
  outlet: string | null;
  lang: string | null;
  /** SHA-256 (hex) of the bytes fetched or read. */
  sha256: string;
  /** The extraction library, as name@version. */
  extractor: string;
}

/** The fields in the order they are written (the contract scripts read). */
const FIELD_ORDER: (keyof ArticleProvenance)[] = ['title', 'source', 'canonical', 'fetched', 'published', 'author', 'outlet', 'lang', 'sha256', 'extractor'];

/**
 * A YAML scalar. Strings are written double-quoted with JSON's escapes (valid YAML), so that no
 * title or author from a page can end the front matter or inject a key.
 */
function yamlScalar(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value.replace(/[\u2028\u2029]/g, ' '));
}

/** Renders the provenance as a front-matter block (with its `---` lines and a trailing newline). */
export function renderFrontMatter(provenance: ArticleProvenance): string {
  const lines = FIELD_ORDER.map((key) => `${key}: ${yamlScalar(provenance[key])}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
