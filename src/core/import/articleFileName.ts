/** File names for articles: `<date>-<slug of the title>` with a readable, portable slug. */

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/**
 * A slug of a title: lower case ASCII letters and digits joined by '-', German umlauts spelt out,
 * other accents dropped, at most `maxLength` characters cut at a word boundary.
 */
export function slugify(title: string, maxLength = 60): string {
  const dashed = title
    .replace(/[äöüßÄÖÜ]/g, (c) => GERMAN_LETTERS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const ascii = trimDashes(dashed);
  if (ascii.length <= maxLength) return ascii || 'article';
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return trimDashes(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut.slice(0, maxLength));
}

/** The text without leading and trailing '-' (a loop: `/-+$/` is quadratic on long runs of dashes). */
function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '-') start++;
  while (end > start && text[end - 1] === '-') end--;
  return text.slice(start, end);
}

/**
 * The file name of an article: `2025-01-26-alibaba-launcht-qwen-2-5.md`.
 * @param date YYYY-MM-DD or YYYY-MM (the publication date, else the day it was fetched)
 */
export function articleFileName(date: string, title: string, extension = '.md'): string {
  return `${date}-${slugify(title)}${extension}`;
}

/**
 * The n-th choice of a file name when the first is taken: `name.md`, `name-2.md`, `name-3.md`, …
 * @param n 1 for the name itself
 */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

/**
 * The readable name of a bundled seed article's copy in a workspace:
 * `2025-01-alibaba-launcht-qwen-2-5.txt` (undated seeds: the slug alone).
 */
export function seedCopyName(seed: { title: string; date: string | null }): string {
  return seed.date ? articleFileName(seed.date, seed.title, '.txt') : `${slugify(seed.title)}.txt`;
}
