/** The "Annotations" view's title actions: group by article, status or assignee; filter by status or by my work. */
import * as vscode from 'vscode';
import { isBuiltInStatus, type Status } from '../../core/store/annotation';
import type { AnnotationTreeProvider } from '../sidebar/annotationTree';

async function filterByStatus(tree: AnnotationTreeProvider, args?: { statuses?: Status[] }): Promise<void> {
  let statuses = args?.statuses;
  if (!statuses) {
    const choices = tree.statusChoices();
    const shown = tree.statusFilter ?? choices.map((c) => c.status);
    const items = choices.map(({ status, label }) => ({ label, description: isBuiltInStatus(status) ? undefined : status, picked: shown.includes(status), status }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Show annotations with these verdicts (orphaned ones are always shown)'),
      canPickMany: true,
    });
    if (!picked) return;
    statuses = picked.map((p) => p.status);
  }
  await tree.setStatusFilter(statuses);
}

export function registerViewCommands(tree: AnnotationTreeProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.groupByStatus', () => tree.setGroupByStatus(true)),
    vscode.commands.registerCommand('aiNews.groupByArticle', () => tree.setGrouping('article')),
    vscode.commands.registerCommand('aiNews.groupByAssignee', () => tree.setGrouping('assignee')),
    vscode.commands.registerCommand('aiNews.showAssignedToMe', () => tree.setWorkFilter('assigned-to-me')),
    vscode.commands.registerCommand('aiNews.showAwaitingMyReview', () => tree.setWorkFilter('awaiting-my-review')),
    vscode.commands.registerCommand('aiNews.showAllWork', () => tree.setWorkFilter(undefined)),
    vscode.commands.registerCommand('aiNews.filterByStatus', (args?: { statuses?: Status[] }) => filterByStatus(tree, args)),
  ];
}
