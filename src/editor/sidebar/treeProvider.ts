/** What the three sidebar trees share: the change event, a view that lives as long as its provider, and rows made tree items. */
import * as vscode from 'vscode';
import type { RowIcon, TreeRow } from '../../core/sidebar/treeRow';
import { Disposable } from '../disposable';

export abstract class TreeProvider<T> extends Disposable implements vscode.TreeDataProvider<T> {
  private readonly changed = this.register(new vscode.EventEmitter<T | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  protected view: vscode.TreeView<T> | undefined;

  abstract getTreeItem(element: T): vscode.TreeItem;
  abstract getChildren(element?: T): T[] | Promise<T[]>;

  /** Ties the view's lifetime to the provider's, and lets the provider keep the view's message, badge and description current. */
  attach(view: vscode.TreeView<T>): void {
    this.view = this.register(view);
    this.viewAttached();
  }

  /** Called once the view is there. */
  protected viewAttached(): void {
    // Nothing to show besides the tree by default.
  }

  /** Makes VS Code ask for the whole tree again. */
  protected fireChanged(): void {
    this.changed.fire(undefined);
  }
}

/**
 * Creates the view `id` with its provider. Dispose the provider to dispose both.
 * @param id The view's id in package.json.
 */
export function createTreeView<T, P extends TreeProvider<T>>(id: string, provider: P): { view: vscode.TreeView<T>; provider: P } {
  const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { view, provider };
}

const COLLAPSIBLE: Record<TreeRow['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

function themeIcon(icon: RowIcon): vscode.ThemeIcon {
  if (icon === 'file') return vscode.ThemeIcon.File;
  if (icon === 'folder') return vscode.ThemeIcon.Folder;
  return new vscode.ThemeIcon(icon.id, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color));
}

/** A row of the core's trees (src/core/sidebar/treeRow) as VS Code's tree item; `resourceUri` for a file or folder row. */
export function treeItemOf(row: TreeRow, resourceUri?: vscode.Uri): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, COLLAPSIBLE[row.collapsible]);
  if (row.id !== undefined) item.id = row.id;
  if (row.description !== undefined) item.description = row.description;
  if (row.tooltip !== undefined) item.tooltip = row.tooltip;
  if (row.icon !== undefined) item.iconPath = themeIcon(row.icon);
  if (row.contextValue !== undefined) item.contextValue = row.contextValue;
  if (row.command !== undefined) item.command = row.command;
  if (resourceUri) item.resourceUri = resourceUri;
  return item;
}
