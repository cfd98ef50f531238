/** Short one-line labels for tree items and the status bar. Pure: no editor types. */

/** How long a quote may be as a tree label. */
export const QUOTE_LABEL_LENGTH = 60;

/**
 * A text on one line, at most `max` characters: whitespace runs become one space and a longer text
 * is cut at a word boundary near the limit (or mid-word when there is none) and ends in "…".
 * Never splits a surrogate pair, so an emoji is kept whole or left out.
 */
export function shortenQuote(text: string, max = QUOTE_LABEL_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let cut = max - 1;
  // Do not leave half of a surrogate pair at the end.
  if (isHighSurrogate(line.charCodeAt(cut - 1))) cut -= 1;
  const space = line.lastIndexOf(' ', cut);
  // Prefer a word boundary when it does not throw away more than a quarter of the label.
  if (space > max * 0.75) cut = space;
  return `${line.slice(0, cut).trimEnd()}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** An article path (`/` separators) split into file name and folder, for a label and its description. */
export function splitArticlePath(article: string): { name: string; dir: string } {
  const slash = article.lastIndexOf('/');
  return slash < 0 ? { name: article, dir: '' } : { name: article.slice(slash + 1), dir: article.slice(0, slash) };
}

/**
 * Text from other people made safe for a quick pick's label, description or detail, where
 * `$(name)` becomes an icon: each such sequence gets a backslash before it (`\$(name)`, and
 * `\\$(name)` for one already written with a backslash), so it shows exactly as typed. Other
 * `$(` ("$(5 million)") is no icon and stays as it is.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\\?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (match) => `\\${match}`);
}

/** Tags as a row shows them: "#Wahl 2025 #Börse"; '' without tags. */
export function hashtags(tags: readonly string[] | undefined): string {
  return (tags ?? []).map((tag) => `#${tag}`).join(' ');
}
