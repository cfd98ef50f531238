/**
 * The "Across articles" view's rows as plain data and words: what each node of
 * core/sidebar/crossArticleTreeModel shows. A click on a figure or a mention reveals it in its
 * article, when the article's path resolves to a file (`uri`, as a string).
 */
import type { IndexedEntity, QuantityConflict, QuantityMention } from '../crossref/index';
import type { Words } from '../labels/words';
import { crossItemId, type ConflictsElement, type EntityArticleElement, type MentionElement } from './crossArticleTreeModel';
import { shortenQuote, splitArticlePath } from './text';
import { ENTITY_CLASS_ICON, lineLabel, NUMBER_ICON, revealFindingCommand, type RowCommand, type TreeRow } from './treeRow';

const CONFLICT_COLOR = 'aiNews.disputedBorder';

function revealCommand(words: Words, span: { start: number; end: number }, uri: string | undefined): RowCommand | undefined {
  return uri === undefined ? undefined : revealFindingCommand(words.l10n, { uri, start: span.start, end: span.end });
}

export function conflictsRow(words: Words, element: ConflictsElement): TreeRow {
  const { l10n } = words;
  return {
    label: words.countedLabel(l10n.t('Conflicting figures'), element.conflicts.length),
    collapsible: 'expanded',
    id: crossItemId(element),
    icon: { id: 'warning', color: CONFLICT_COLOR },
    tooltip: l10n.t('Different articles give different figures for what looks like the same quantity.'),
    contextValue: 'crossConflicts',
  };
}

/** "15,7 Billionen vs 13 Billionen — PwC", and how far apart they are. */
export function conflictRow(words: Words, conflict: QuantityConflict): TreeRow {
  const { l10n } = words;
  const percent = `${Math.round(conflict.difference * 100)} %`;
  return {
    label: l10n.t('{0} vs {1} — {2}', conflict.a.text, conflict.b.text, conflict.entity),
    collapsible: 'collapsed',
    id: crossItemId({ kind: 'conflict', conflict }),
    description: l10n.t('{0} apart', percent),
    tooltip: l10n.t('{0} ({1}) says {2}; {3} ({4}) says {5}. They differ by {6}.', conflict.a.article, conflict.entity, conflict.a.text, conflict.b.article, conflict.entity, conflict.b.text, percent),
    icon: { id: 'diff', color: CONFLICT_COLOR },
    contextValue: 'crossConflict',
  };
}

/** One of a conflict's figures, in its article. */
export function figureRow(words: Words, mention: QuantityMention, uri: string | undefined): TreeRow {
  const { l10n } = words;
  return {
    label: mention.text,
    collapsible: 'none',
    description: mention.article,
    tooltip: l10n.t('{0} in {1}', mention.text, mention.article),
    icon: NUMBER_ICON,
    command: revealCommand(words, mention, uri),
    contextValue: 'crossFigure',
  };
}

/** An entity named in several articles. */
export function entityRow(words: Words, entity: IndexedEntity): TreeRow {
  const { l10n } = words;
  return {
    label: entity.canonical,
    collapsible: 'collapsed',
    id: crossItemId({ kind: 'entity', entity }),
    description: [
      entity.articleCount === 1 ? l10n.t('1 article') : l10n.t('{0} articles', entity.articleCount),
      words.entityTypeLabel(entity.type),
    ].join(' · '),
    tooltip: l10n.t('{0}: {1} mentions in {2} articles', entity.canonical, entity.mentions.length, entity.articleCount),
    icon: ENTITY_CLASS_ICON,
    contextValue: 'crossEntity',
  };
}

/** An article that names the entity, with its mentions below. */
export function entityArticleRow(words: Words, element: EntityArticleElement): TreeRow {
  const { name, dir } = splitArticlePath(element.article);
  return {
    label: words.countedLabel(name, element.mentions.length),
    collapsible: 'collapsed',
    id: crossItemId(element),
    description: dir,
    icon: 'file',
    tooltip: element.article,
    contextValue: 'crossArticle',
  };
}

/** One mention: its sentence when the article could be read, else where it is. */
export function mentionRow(words: Words, element: MentionElement, uri: string | undefined): TreeRow {
  const { l10n } = words;
  const { mention } = element;
  const label = element.snippet || l10n.t('Characters {0}–{1}', mention.start, mention.end);
  return {
    label: shortenQuote(label),
    collapsible: 'none',
    ...(element.line === undefined ? {} : { description: lineLabel(words.l10n, element.line) }),
    tooltip: element.snippet ? `${element.snippet}\n\n${mention.article}` : mention.article,
    icon: { id: mention.claimStart === undefined ? 'symbol-field' : 'comment' },
    command: revealCommand(words, mention, uri),
    contextValue: 'crossMention',
  };
}
