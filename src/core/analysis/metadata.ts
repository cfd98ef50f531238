/** The seeds' leading " date YYYY-MM " prefix: article metadata, never prose. */

const DATE_PREFIX = /^\uFEFF?[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?=[\s•|]|$)[ \t]*/i;

/**
 * Reads the article date from a leading ` date YYYY-MM ` prefix.
 * @returns the date (as written, `YYYY-MM` or `YYYY-MM-DD`) or null, and where the metadata ends
 *   (0 when there is none); nothing before `metadataEnd` is analysed.
 */
export function readArticleDate(text: string): { date: string | null; metadataEnd: number } {
  const published = publishedInFrontMatter(text);
  if (published) return { date: published, metadataEnd: 0 };
  const match = DATE_PREFIX.exec(text.slice(0, 64));
  if (!match) return { date: null, metadataEnd: 0 };
  const date = match[1];
  const month = Number(date.slice(5, 7));
  if (month < 1 || month > 12) return { date: null, metadataEnd: 0 };
  return { date, metadataEnd: match[0].length };
}

/** How much of an article's start readArticleDate reads (front matter up to 4 KB). */
export const ARTICLE_HEAD_CHARS = 4096;

/** Front matter at the very start (the block scanner skips it, so it needs no metadataEnd). */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const PUBLISHED = /^published[ \t]*:[ \t]*["']?(\d{4}-\d{2}(?:-\d{2})?)["']?[ \t]*$/m;

/** An imported article's `published: YYYY-MM-DD` (quoted or not) from its front matter, or null. */
function publishedInFrontMatter(text: string): string | null {
  const block = FRONT_MATTER.exec(text.slice(0, ARTICLE_HEAD_CHARS));
  const date = block ? PUBLISHED.exec(block[1])?.[1] : undefined;
  if (!date) return null;
  const month = Number(date.slice(5, 7));
  return month >= 1 && month <= 12 ? date : null;
}
