/**
 * The Annotations view's rows, badge and messages as plain data and words: what each node of
 * core/sidebar/annotationTreeModel shows. Notes, quotes and tags come from other people through git:
 * tooltips are plain text, never markdown.
 */
import type { Words } from '../labels/words';
import type { PlacedAnnotation } from '../session/articleSession';
import type { TeamConfig } from '../team/team';
import type { WorkFilter } from '../team/myWork';
import { workflowState } from '../team/workflow';
import { formatDateRange, isFilterActive, type AnnotationFilter } from './annotationFilter';
import type { Grouping } from './annotationGroups';
import { annotationContextValue, rowWorkflowState, startsExpanded, treeItemId, type AnnotationElement, type ArticleElement, type FolderElement, type GroupElement } from './annotationTreeModel';
import type { TreeFilters } from './annotationTreeFilters';
import { hashtags, shortenQuote, splitArticlePath } from './text';
import { annotationIcon, assigneeIcon, groupIcon, type TreeRow } from './treeRow';

const NOTE_DESCRIPTION_LENGTH = 80;
const QUOTE_TOOLTIP_LENGTH = 400;

/** A workspace folder's row, named by the folder (its URI when it is gone). */
export function folderRow(element: FolderElement, name: string | undefined, grouping: Grouping): TreeRow {
  return { label: name ?? element.folder, collapsible: 'expanded', id: treeItemId(element, grouping), icon: 'folder', contextValue: 'folder' };
}

/** An article's row; a folder with few annotated articles shows them expanded (see startsExpanded). */
export function articleRow(words: Words, element: ArticleElement, grouping: Grouping, articlesInFolder: number): TreeRow {
  const { name, dir } = splitArticlePath(element.article);
  return {
    label: words.countedLabel(name, element.count),
    collapsible: startsExpanded(element, articlesInFolder) ? 'expanded' : 'collapsed',
    id: treeItemId(element, grouping),
    description: dir,
    icon: 'file',
    tooltip: element.article,
    contextValue: 'article',
  };
}

/** A status's (or, at the top when grouped by assignee, an assignee's) row. */
export function groupRow(words: Words, element: GroupElement, grouping: Grouping, team: TeamConfig): TreeRow {
  const { l10n } = words;
  const byAssignee = grouping === 'assignee' && element.article === undefined;
  const label = byAssignee ? words.assigneeLabel(element.group) : words.groupLabel(element.group, team);
  return {
    label: words.countedLabel(label, element.count),
    collapsible: 'expanded',
    id: treeItemId(element, grouping),
    icon: byAssignee ? assigneeIcon(element.group) : groupIcon(element.group),
    contextValue: `group.${element.group}`,
    ...(!byAssignee && element.group === 'orphaned' ? { tooltip: l10n.t('Their text is gone from the article. Re-anchor them on new text, or delete them.') } : {}),
  };
}

/** An annotation's row: its quote, then its flags, who checks it, where the review stands, its tags and note. */
export function annotationRow(words: Words, element: AnnotationElement, team: TeamConfig): TreeRow {
  const { l10n } = words;
  const { annotation, state, flags } = element.placed;
  const note = shortenQuote(annotation.note, NOTE_DESCRIPTION_LENGTH);
  const workflow = rowWorkflowState(annotation, team);
  // Flags first: a long note is cut off at the end of the row. Then who checks it, and where the verdict stands when the team reviews.
  const work = [annotation.assignee && `@${annotation.assignee}`, workflow && words.workflowLabel(workflow)];
  return {
    label: shortenQuote(annotation.quote.exact) || l10n.t('(empty quote)'),
    collapsible: 'none',
    id: treeItemId(element, 'article'),
    description: [...flags.map(words.flagLabel), ...(state === 'fuzzy' ? [l10n.t('text changed')] : []), ...work, hashtags(annotation.tags), note].filter(Boolean).join(' · '),
    tooltip: annotationTooltip(words, element.placed, team),
    icon: annotationIcon(annotation.status, state),
    contextValue: annotationContextValue(element.placed),
    command: { command: 'aiNews.revealAnnotation', title: l10n.t('Show in the article'), arguments: [{ folder: element.folder, id: annotation.id }] },
  };
}

/** Plain text (notes come from other people through git, so no markdown). */
function annotationTooltip(words: Words, placed: PlacedAnnotation, team: TeamConfig): string {
  const { l10n } = words;
  const { annotation, state, flags } = placed;
  const lines = [
    `${words.groupLabel(annotation.status, team)} · ${words.workflowLabel(workflowState(annotation, team))} · ${words.stateLabel(state)}`,
    ...flags.map(words.flagLabel),
    '',
    `“${shortenQuote(annotation.quote.exact, QUOTE_TOOLTIP_LENGTH)}”`,
  ];
  if (annotation.note) lines.push('', annotation.note);
  lines.push('', l10n.t('{0}, {1}', annotation.author, annotation.modified.slice(0, 10)));
  if (annotation.assignee) lines.push(l10n.t('Assigned to {0}', annotation.assignee));
  if (annotation.tags?.length) lines.push(l10n.t('Tags: {0}', annotation.tags.join(', ')));
  lines.push(...words.reviewLines(annotation, team), annotation.article);
  return lines.join('\n');
}

/** The tag, author and date filter in the view's description: "#Wahl 2025", "by Ben", "2025-01-01..2025-01-31". */
function annotationFilterLabels(words: Words, filter: AnnotationFilter): string[] {
  const { l10n } = words;
  return [
    ...(filter.tags ?? []).map((tag) => hashtags([tag])),
    ...(filter.authors ?? []).map((author) => l10n.t('by {0}', author)),
    ...(filter.dates ? [l10n.t('changed {0}', formatDateRange(filter.dates))] : []),
  ];
}

/** The view's description while a filter is on ("Showing: assigned to me, Disputed, #KI"); undefined without one. */
export function filterDescription(words: Words, filters: TreeFilters): string | undefined {
  const { l10n } = words;
  const { work, statuses, annotation } = filters;
  const shown = [...(work ? [words.workFilterLabel(work)] : []), ...(statuses ?? []).map((s) => words.groupLabel(s)), ...annotationFilterLabels(words, annotation)];
  return shown.length > 0 ? l10n.t('Showing: {0}', shown.join(', ')) : undefined;
}

/** The badge's tooltip: how many annotations need a look. */
export function attentionTooltip(words: Words, count: number): string {
  const { l10n } = words;
  return count === 1
    ? l10n.t('1 annotation needs a look: disputed, or its text changed or is gone')
    : l10n.t('{0} annotations need a look: disputed, or their text changed or is gone', count);
}

/** Why a filtered view is empty, and how to see everything again. */
export function emptyFilterMessage(words: Words, filters: { work?: WorkFilter; annotation: AnnotationFilter }): string {
  const { l10n } = words;
  const { work, annotation } = filters;
  if (isFilterActive(annotation)) return l10n.t('No annotations match the filters: {0}. Use "Clear Filters" to see all.', annotationFilterLabels(words, annotation).join(', '));
  return work === undefined
    ? l10n.t('No annotations with the selected statuses. Use the filter to show all.')
    : l10n.t('Nothing here: {0}. Use "Show Everyone\'s Work" to see all.', words.workFilterLabel(work));
}
