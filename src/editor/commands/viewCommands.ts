/**
 * The "Annotations" view's title actions: group by article, status or assignee; filter by status,
 * by my work, by tag, by author and by date.
 */
import * as vscode from 'vscode';
import { authorsOf, dateFilterChoices, formatDateRange, parseDateRange } from '../../core/sidebar/annotationFilter';
import { narrowedFilter } from '../../core/sidebar/pickedValues';
import { escapeIcons } from '../../core/sidebar/text';
import { isBuiltInStatus, type Status } from '../../core/store/annotation';
import type { AnnotationTreeProvider } from '../sidebar/annotationTree';
import { pickShown } from './context';

async function filterByStatus(tree: AnnotationTreeProvider, args?: { statuses?: Status[] }): Promise<void> {
  const statuses = args?.statuses ?? (await pickShown(
    tree.statusChoices().map(({ status, label }) => ({ value: status, label: escapeIcons(label), description: isBuiltInStatus(status) ? undefined : escapeIcons(status) })),
    tree.statusFilter,
    vscode.l10n.t('Show annotations with these verdicts (orphaned ones are always shown)'),
  ));
  if (statuses) await tree.setStatusFilter(statuses);
}

async function filterByTag(tree: AnnotationTreeProvider, args?: { tags?: string[] }): Promise<void> {
  const uses = await tree.tagChoices();
  if (!args?.tags && uses.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No annotation has a tag yet. Add one with "AI News: Add Tag…".'));
    return;
  }
  const tags = args?.tags ?? (await pickShown(
    uses.map(({ tag, count }) => ({ value: tag, label: escapeIcons(tag), description: String(count) })),
    tree.tagAuthorDateFilter.tags,
    vscode.l10n.t('Show annotations with any of these tags'),
  ));
  if (tags) await tree.setFilter({ tags: args?.tags ?? narrowedFilter(tags, uses.map((u) => u.tag)) });
}

async function filterByAuthor(tree: AnnotationTreeProvider, args?: { authors?: string[] }): Promise<void> {
  const authors = authorsOf((await tree.placedPerFolder()).flatMap((f) => f.placed.map((p) => p.annotation)));
  const picked = args?.authors ?? (await pickShown(
    authors.map((author) => ({ value: author, label: escapeIcons(author || vscode.l10n.t('unknown')) })),
    tree.tagAuthorDateFilter.authors,
    vscode.l10n.t('Show annotations by these people'),
  ));
  if (picked) await tree.setFilter({ authors: args?.authors ?? narrowedFilter(picked, authors) });
}

/** Today, the last 7 or 30 days, a typed range, or any time. */
async function filterByDate(tree: AnnotationTreeProvider, args?: { range?: string }): Promise<void> {
  if (args?.range !== undefined) {
    const parsed = parseDateRange(args.range);
    if (parsed.kind === 'ok') await tree.setFilter({ dates: parsed.range });
    return;
  }
  const items = dateFilterChoices(vscode.l10n, new Date());
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show annotations last changed (UTC days)') });
  if (!choice) return;
  let range = choice.range;
  if (choice.custom) {
    const current = tree.tagAuthorDateFilter.dates;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Show annotations last changed between'),
      prompt: vscode.l10n.t('YYYY-MM-DD..YYYY-MM-DD; leave out one end for an open range, or give one day'),
      value: current ? formatDateRange(current) : '',
      validateInput: (value) => (parseDateRange(value).kind === 'ok' ? undefined : vscode.l10n.t('Enter days as YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD.. or ..YYYY-MM-DD, or one day')),
    });
    const parsed = typed === undefined ? undefined : parseDateRange(typed);
    if (parsed?.kind !== 'ok') return;
    range = parsed.range;
  }
  await tree.setFilter({ dates: range });
}

/** Every filter off: all statuses, everyone's work, any tag, author and date. */
async function clearFilters(tree: AnnotationTreeProvider): Promise<void> {
  await tree.setWorkFilter(undefined);
  await tree.setStatusFilter(undefined);
  await tree.setFilter({ tags: undefined, authors: undefined, dates: undefined });
}

export function registerViewCommands(tree: AnnotationTreeProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.groupByStatus', () => tree.setGrouping('status')),
    vscode.commands.registerCommand('aiNews.groupByArticle', () => tree.setGrouping('article')),
    vscode.commands.registerCommand('aiNews.groupByAssignee', () => tree.setGrouping('assignee')),
    vscode.commands.registerCommand('aiNews.showAssignedToMe', () => tree.setWorkFilter('assigned-to-me')),
    vscode.commands.registerCommand('aiNews.showAwaitingMyReview', () => tree.setWorkFilter('awaiting-my-review')),
    vscode.commands.registerCommand('aiNews.showAllWork', () => tree.setWorkFilter(undefined)),
    vscode.commands.registerCommand('aiNews.filterByStatus', (args?: { statuses?: Status[] }) => filterByStatus(tree, args)),
    vscode.commands.registerCommand('aiNews.filterByTag', (args?: { tags?: string[] }) => filterByTag(tree, args)),
    vscode.commands.registerCommand('aiNews.filterByAuthor', (args?: { authors?: string[] }) => filterByAuthor(tree, args)),
    vscode.commands.registerCommand('aiNews.filterByDate', (args?: { range?: string }) => filterByDate(tree, args)),
    vscode.commands.registerCommand('aiNews.clearFilters', () => clearFilters(tree)),
  ];
}
