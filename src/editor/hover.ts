/**
 * Hover on a finding or an annotation: what it is, why it was flagged, what the team decided.
 * Notes and evidence arrive from other people through git: they are rendered as plain text, and only
 * the command links the core builds may run commands (an allow-list on the MarkdownString). What to show
 * is decided and worded in src/core/hover; this module builds the MarkdownString.
 */
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../core/hover/commandLinks';
import { narrowestSpan } from '../core/hover/hoverContent';
import { hoverParts, type HoverPart } from '../core/hover/hoverParts';
import type { ArticleSessions } from './articleSessions';
import type { TeamSource } from './decorations';
import { words } from './labels';
import { toRange } from './ranges';

/** Appends the core's parts to a MarkdownString: markdown as it is, text escaped. */
export function appendParts(md: vscode.MarkdownString, parts: readonly HoverPart[]): vscode.MarkdownString {
  for (const part of parts) {
    if (part.kind === 'text') md.appendText(part.value);
    else md.appendMarkdown(part.value);
  }
  return md;
}

/** Asks the article's session only for what lies under the pointer: never the rest of a large article. */
export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly sessions: ArticleSessions,
    private readonly teams: TeamSource,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const point = this.sessions.at(document, document.offsetAt(position));
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!point) return undefined;
    const placed = folder ? point.placements : [];
    const { findings } = point;
    if (placed.length === 0 && findings.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    const annotations = folder && { placed, folder: folder.uri.toString(), team: this.teams.teamFor(document.uri) };
    appendParts(md, hoverParts(words, document.uri.toString(), annotations, findings));
    return new vscode.Hover(md, toRange(document, narrowestSpan([...placed.map((p) => p.span!), ...findings])));
  }
}
