/**
 * How Search Annotations lists a hit: the quote, then the verdict, anchoring problem, article, author
 * and tags, and the matched note or comment. Every text in it comes from other people and is shown
 * as plain text (`$(name)` stays text, not an icon).
 */
import type { Words } from '../labels/words';
import type { PlacedAnnotation } from '../session/articleSession';
import { escapeIcons, shortenQuote } from '../sidebar/text';
import type { TeamConfig } from '../team/team';
import type { SearchHit, SearchSnippet } from './annotationSearch';

const LABEL_LENGTH = 100;
const DETAIL_LENGTH = 140;

function snippetLine(words: Words, snippet: SearchSnippet): string | undefined {
  const { l10n } = words;
  switch (snippet.field) {
    case 'note':
      return l10n.t('Note: {0}', snippet.text);
    case 'comment':
      return l10n.t('Comment by {0}: {1}', snippet.by ?? '', snippet.text);
    default:
      return undefined; // tags and people are in the description already
  }
}

/** One hit's label, description and (when there is one) detail, as a quick pick shows them. */
export function searchItemText(words: Words, hit: SearchHit<{ placed: PlacedAnnotation }>, team: TeamConfig): { label: string; description: string; detail?: string } {
  const { l10n } = words;
  const { placed } = hit.item;
  const a = placed.annotation;
  const description = [
    words.groupLabel(a.status, team),
    ...(placed.state === 'orphaned' || placed.state === 'fuzzy' ? [words.stateLabel(placed.state)] : []),
    a.article,
    a.author,
    ...(a.tags?.length ? [a.tags.map((t) => `#${t}`).join(' ')] : []),
  ].join(' · ');
  const detail = (hit.snippet && snippetLine(words, hit.snippet)) ?? (a.note ? shortenQuote(a.note, DETAIL_LENGTH) : undefined);
  return {
    label: escapeIcons(shortenQuote(a.quote.exact, LABEL_LENGTH)) || l10n.t('(empty quote)'),
    description: escapeIcons(description),
    ...(detail ? { detail: escapeIcons(detail) } : {}),
  };
}
