/**
 * The "This article" view's rows and message as plain data and words: what each node of
 * core/sidebar/articleTreeModel shows. A click on a finding reveals it in the article.
 */
import type { ClaimFinding } from '../analysis/types';
import { formatValue } from '../hover/hoverContent';
import type { Words } from '../labels/words';
import { findingItemId, type EntityGroupElement, type FindingElement, type SectionElement, type SectionKind } from './articleTreeModel';
import { shortenQuote } from './text';
import { ENTITY_CLASS_ICON, ENTITY_ICON, lineLabel, NUMBER_ICON, revealFindingCommand, type TreeRow } from './treeRow';

const SECTION_ICON: Record<SectionKind, string> = { claims: 'comment-discussion', numbers: 'symbol-number', entities: 'symbol-class' };

function sectionLabel(words: Words, section: SectionKind): string {
  const { l10n } = words;
  switch (section) {
    case 'claims':
      return l10n.t('Claims');
    case 'numbers':
      return l10n.t('Numbers');
    case 'entities':
      return l10n.t('Entities');
  }
}

/** A section's row: the claims start open, an empty section cannot be opened. */
export function sectionRow(words: Words, element: SectionElement): TreeRow {
  const { l10n } = words;
  return {
    label: words.countedLabel(sectionLabel(words, element.section), element.count),
    collapsible: element.count === 0 ? 'none' : element.section === 'claims' ? 'expanded' : 'collapsed',
    id: `section|${element.section}`,
    icon: { id: SECTION_ICON[element.section] },
    ...(element.reviewed !== undefined ? { description: l10n.t('{0} reviewed', element.reviewed) } : {}),
    contextValue: `section.${element.section}`,
  };
}

/** An entity with its mentions in the article. */
export function entityGroupRow(words: Words, element: EntityGroupElement): TreeRow {
  const { l10n } = words;
  return {
    label: words.countedLabel(element.canonical, element.mentions.length),
    collapsible: 'collapsed',
    id: `entity|${element.canonical}`,
    description: words.entityTypeLabel(element.type),
    icon: ENTITY_CLASS_ICON,
    tooltip: l10n.t('{0}: mentioned {1} times in this article', element.canonical, element.mentions.length),
    contextValue: 'entityGroup',
  };
}

/**
 * A finding's row.
 * @param article the article's URI (as a string) and the 1-based line of an offset; undefined when no document is shown.
 */
export function findingRow(words: Words, element: FindingElement, article: { uri: string; lineAt(offset: number): number } | undefined): TreeRow {
  const { finding } = element;
  const row: TreeRow = {
    label: shortenQuote(finding.text),
    collapsible: 'none',
    id: findingItemId(finding),
    ...(article ? { command: revealFindingCommand(words.l10n, { uri: article.uri, start: finding.start, end: finding.end }) } : {}),
  };
  if (finding.kind === 'claim') return { ...row, ...claimRowParts(words, finding, element.reviewed === true) };
  const line = article ? lineLabel(words.l10n, article.lineAt(finding.start)) : '';
  if (finding.kind === 'number') {
    const description = [words.numberTypeLabel(finding.type), formatValue(finding, words.locale), line].filter(Boolean).join(' · ');
    return { ...row, description, icon: NUMBER_ICON, contextValue: 'finding.number', tooltip: finding.text };
  }
  return { ...row, description: line, icon: ENTITY_ICON, contextValue: 'finding.entity', tooltip: finding.text };
}

function claimRowParts(words: Words, claim: ClaimFinding, reviewed: boolean): Partial<TreeRow> {
  const { l10n } = words;
  const lines = [
    reviewed ? l10n.t('Reviewed: an annotation covers it') : l10n.t('Not reviewed yet'),
    l10n.t('Check-worthiness {0}', claim.score.toFixed(2)),
  ];
  if (claim.signals.length > 0) lines.push(l10n.t('Why: {0}', words.claimReasonsText(claim, ', ')));
  if (claim.timeSensitive.length > 0) lines.push(l10n.t('Time-sensitive: {0}', claim.timeSensitive.join(', ')));
  lines.push('', claim.text);
  return {
    description: [claim.score.toFixed(2), words.claimReasonsText(claim, ', ')].filter(Boolean).join(' · '),
    icon: reviewed ? { id: 'pass', color: 'aiNews.verifiedBorder' } : { id: 'circle-large-outline', color: 'aiNews.claimBorder' },
    tooltip: lines.join('\n'),
    contextValue: reviewed ? 'finding.claim.reviewed' : 'finding.claim.unreviewed',
  };
}

/** What the view knows of the document it follows. */
export interface FollowedArticle {
  isArticle: boolean;
  /** Its snapshot; undefined before the first one. */
  snapshot: { complete: boolean; tooLarge: boolean } | undefined;
}

/**
 * Why the view is empty, when it is not simply "no editor" (the welcome content covers that); undefined when it shows the article.
 * @param nameOf the document's path as the workspace shows it (asked only when there is something to say).
 */
export function articleViewMessage(words: Words, { isArticle, snapshot }: FollowedArticle, nameOf: () => string): string | undefined {
  const { l10n } = words;
  if (isArticle && snapshot?.complete && !snapshot.tooLarge) return undefined;
  const name = nameOf();
  if (!isArticle) return l10n.t('{0} is not treated as an article. Run "AI News: Analyze This Document" to analyse it.', name);
  if (snapshot?.tooLarge) return l10n.t('{0} is too large to analyse. Annotations still work; the limit is the setting aiNews.maxArticleSizeKB.', name);
  if (!snapshot || !snapshot.complete) return l10n.t('Analysing {0}…', name);
  return undefined;
}
