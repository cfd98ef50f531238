/**
 * AI News: Search Annotations…: one quick pick over the quotes, notes, comments, tags and people of
 * every annotation in the workspace, closed articles included (placed by the core, as `check` and
 * the Annotations view place them). Choosing one opens its article with the annotation selected, or
 * says that its text is gone.
 */
import * as vscode from 'vscode';
import { buildSearchIndexInSlices, searchAnnotations, type SearchHit } from '../../core/search/annotationSearch';
import { searchItemText } from '../../core/search/searchItems';
import type { TeamConfig } from '../../core/team/team';
import type { PlacedAnnotation } from '../articleSessions';
import { words } from '../labels';
import { explain, run, showLivePick, type AnnotationArgs, type CommandContext, type LiveItem } from './context';

/** What the search reads: every folder's annotations, placed (the Annotations view's provider fits). */
export interface PlacedAnnotationSource {
  placedPerFolder(): Promise<{ folder: vscode.WorkspaceFolder; placed: readonly PlacedAnnotation[] }[]>;
}

interface Searchable {
  folder: vscode.WorkspaceFolder;
  placed: PlacedAnnotation;
}

/** The pick lists at most this many hits (the best first); typing narrows them. */
const MAX_ITEMS = 500;

/** One hit as a pick item (see core searchItemText). */
function searchItem(hit: SearchHit<Searchable>, team: TeamConfig): LiveItem<AnnotationArgs> {
  return {
    ...searchItemText(words, hit, team),
    // The core has matched already (in comments too, which VS Code's own filter would not see).
    alwaysShow: true,
    value: { folder: hit.item.folder.uri.toString(), id: hit.item.placed.annotation.id },
  };
}

/**
 * Opens the search; resolves once an annotation was revealed or the pick was closed.
 * @param args `query`: text to start with (tests, links).
 */
async function searchAnnotationsCommand(ctx: CommandContext, source: PlacedAnnotationSource, args?: { query?: string }): Promise<AnnotationArgs | undefined> {
  const pick = vscode.window.createQuickPick<LiveItem<AnnotationArgs>>();
  pick.title = vscode.l10n.t('Search annotations');
  pick.placeholder = vscode.l10n.t('Words from quotes, notes, comments, tags or names');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.value = args?.query ?? '';
  const target = await showLivePick(pick, (isOpen) => indexForSearch(ctx, source, isOpen));
  if (target) await vscode.commands.executeCommand('aiNews.revealAnnotation', target);
  return target;
}

/** Indexes the workspace's annotations once; every change of the query is then answered from the index. */
async function indexForSearch(ctx: CommandContext, source: PlacedAnnotationSource, isOpen: () => boolean): Promise<((query: string) => LiveItem<AnnotationArgs>[]) | undefined> {
  const perFolder = await run(() => source.placedPerFolder());
  if (!perFolder || !isOpen()) return undefined; // failed (and said so), or closed while the articles were being placed
  const searchable: Searchable[] = perFolder.flatMap(({ folder, placed }) => placed.map((p) => ({ folder, placed: p })));
  if (searchable.length === 0) return explain(vscode.l10n.t('There are no annotations in this workspace yet.'));
  // In slices: a workspace of 10,000 annotations takes a few hundred ms to index (npm run bench -- search).
  const index = await buildSearchIndexInSlices(searchable, (s) => s.placed.annotation, () => new Promise((resolve) => setImmediate(resolve)));
  return (query) => searchAnnotations(index, query, MAX_ITEMS).map((hit) => searchItem(hit, ctx.teams.teamFor(hit.item.folder.uri)));
}

export function registerSearchCommands(ctx: CommandContext, source: PlacedAnnotationSource): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.searchAnnotations', (args?: { query?: string }) => searchAnnotationsCommand(ctx, source, args)),
  ];
}
