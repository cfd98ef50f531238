/** The seeds' leading " date YYYY-MM " prefix: article metadata, never prose. */

const DATE_PREFIX = /^\uFEFF?[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?=[\s•|]|$)[ \t]*/i;

/**
 * Reads the article date from a leading ` date YYYY-MM ` prefix.
 * @returns the date (as written, `YYYY-MM` or `YYYY-MM-DD`) or null, and where the metadata ends
 *   (0 when there is none); nothing before `metadataEnd` is analysed.
 */
export function readArticleDate(text: string): { date: string | null; metadataEnd: number } {
  const match = DATE_PREFIX.exec(text.slice(0, 64));
  if (!match) return { date: null, metadataEnd: 0 };
  const date = match[1];
  const month = Number(date.slice(5, 7));
  if (month < 1 || month > 12) return { date: null, metadataEnd: 0 };
  return { date, metadataEnd: match[0].length };
}
