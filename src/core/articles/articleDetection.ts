/**
 * Which texts are articles. An editor for code must not light up every README: only texts that say
 * so (the seeds' leading " date YYYY-MM " metadata, or a front-matter flag) count by their content;
 * the editor layer adds configurable globs and explicit opt-ins.
 */
import type { L10n } from '../labels/l10n';

const DATE_PREFIX = /^\uFEFF?[ \t]*date[ \t]+\d{4}-\d{2}\b/;
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;
const ARTICLE_FLAG = /^(ainews|ai-news|article)[ \t]*:[ \t]*(true|yes)[ \t]*$/im;

/** True when the text starts with the seeds' ` date YYYY-MM ` metadata prefix. */
export function hasDatePrefix(text: string): boolean {
  return DATE_PREFIX.test(text.slice(0, 64));
}

/** True when YAML front matter carries `ainews: true` (or `article: true`). */
export function hasFrontMatterFlag(text: string): boolean {
  const match = FRONT_MATTER.exec(text.slice(0, 4096));
  return match !== null && ARTICLE_FLAG.test(match[1]);
}

/** True when the content itself marks the text as an article. */
export function declaresArticle(text: string): boolean {
  return hasDatePrefix(text) || hasFrontMatterFlag(text);
}

/**
 * Why a document counts as an article, in words, in the order the editor decides it: opted in by
 * hand, a matching glob, then its own head (read only when asked).
 */
export function articleReason(l10n: L10n, facts: { optedIn: boolean; glob: string | undefined; head: () => string }): string {
  if (facts.optedIn) return l10n.t('you opted it in ("AI News: Analyze This Document")');
  if (facts.glob) return l10n.t('it matches {0}', facts.glob);
  if (declaresArticle(facts.head())) return l10n.t('it declares itself (a leading date line or "ainews: true" front matter)');
  return l10n.t('it was opted in');
}
