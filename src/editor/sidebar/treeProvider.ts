/** What the three sidebar trees share: the change event, and a view that lives as long as its provider. */
import * as vscode from 'vscode';
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
