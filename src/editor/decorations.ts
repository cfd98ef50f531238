/**
 * Draws an article's snapshot into every visible editor, split editors included: findings,
 * annotations and suggestions. It computes nothing: while an edit's snapshot is pending it leaves
 * the decorations as they are (VS Code moves them with the text) and paints when the snapshot comes.
 * Decoration types are built once and torn down in one place. A tag the team file gives a colour
 * adds a dot of that colour after the highlight and a mark in the overview ruler's right lane; the
 * highlight itself keeps the verdict's colour, which says more about the claim. For large articles only the visible
 * lines (plus a margin) get finding decorations, repainted on scroll.
 */
import * as vscode from 'vscode';
import { DECORATION_KINDS, planSnapshot, repaintsOnScroll, ShownSpans, windowLines, type DecorationKind, type Painted } from '../core/session/decorationPlan';
import { DECORATION_STYLES, tagColorStyle, teamColorStyle, type DecorationStyle, type StyleColor } from '../core/session/decorationStyles';
import type { TeamConfig } from '../core/team/team';
import type { SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { toRange, type Span } from './ranges';
import { onDidChangeSettings, type SettingsCache } from './settings';

export type { Painted };

const LANES = { left: vscode.OverviewRulerLane.Left, center: vscode.OverviewRulerLane.Center, right: vscode.OverviewRulerLane.Right };

function toColor(color: StyleColor): string | vscode.ThemeColor {
  return typeof color === 'string' ? color : new vscode.ThemeColor(color.themeColor);
}

/** A decoration type of the core's plain style: theme colours, icons and lanes as VS Code has them. */
function createType(style: DecorationStyle, extensionUri: vscode.Uri): vscode.TextEditorDecorationType {
  const { backgroundColor, color, borderColor, overviewRulerColor, overviewRulerLane, gutterIcon, after, growsAtEdges, ...plain } = style;
  const colors = Object.fromEntries(Object.entries({ backgroundColor, color, borderColor, overviewRulerColor }).flatMap(([key, value]) => (value ? [[key, toColor(value)]] : [])));
  const icon = gutterIcon?.startsWith('data:') ? vscode.Uri.parse(gutterIcon) : gutterIcon && vscode.Uri.joinPath(extensionUri, 'media', `gutter-${gutterIcon}.svg`);
  return vscode.window.createTextEditorDecorationType({
    ...plain,
    ...colors,
    ...(icon ? { gutterIconPath: icon, gutterIconSize: '80%' } : {}),
    ...(overviewRulerLane ? { overviewRulerLane: LANES[overviewRulerLane] } : {}),
    ...(after ? { after: { ...after, color: toColor(after.color) } } : {}),
    ...(growsAtEdges ? { rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed } : {}),
  });
}

/** What the painter reads about a folder's team (TeamFiles fits). */
export interface TeamSource {
  teamFor(uri: vscode.Uri): TeamConfig;
  readonly onDidChange: vscode.Event<void>;
}

export class DecorationPainter extends Disposable {
  private readonly types: Record<DecorationKind, vscode.TextEditorDecorationType>;
  /** One type per team colour, made when first needed; kept (cleared, not disposed) until the painter goes. */
  private readonly colorTypes = new Map<string, vscode.TextEditorDecorationType>();
  /** One type per tag colour, the same way. */
  private readonly tagTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly lastPainted = new Map<string, Painted>();
  private readonly shown = new WeakMap<vscode.TextEditor, ShownSpans<vscode.TextEditorDecorationType>>();
  private readonly painted = this.register(new vscode.EventEmitter<vscode.TextEditor>());
  /** Fires after an editor was painted (the test API waits on it). */
  readonly onDidPaint = this.painted.event;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Per editor: the full repaint after typing pauses (see {@link settleLater}). */
  private readonly settleTimers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  /** Milliseconds the last paint took (for the benchmarks). */
  lastPaintMs = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: SnapshotSource,
    private readonly settings: SettingsCache,
    private readonly teams: TeamSource,
  ) {
    super();
    this.types = Object.fromEntries(DECORATION_KINDS.map((kind) => [kind, createType(DECORATION_STYLES[kind], extensionUri)])) as Record<DecorationKind, vscode.TextEditorDecorationType>;
    this.register(teams.onDidChange(() => this.paintAll()));
    this.register(sessions.onDidChangeArticle(({ document }) => this.paintDocument(document)));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()));
    // A closed article's last plan (its spans) is not kept for the rest of the session.
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.lastPainted.delete(document.uri.toString())));
    this.register(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!repaintsOnScroll(this.sessions.snapshot(e.textEditor.document))) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.paint(e.textEditor), 50);
      }),
    );
    // Types are built once (theme colours follow the theme); settings only change what is drawn.
    this.register(onDidChangeSettings(['aiNews.highlight', 'aiNews.claimScoreThreshold'], () => this.paintAll()));
  }

  /** Paints every visible editor. */
  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  /** What was last painted into a document, by kind (for the test API). */
  paintedSpans(uri: vscode.Uri): Painted | undefined {
    return this.lastPainted.get(uri.toString());
  }

  /**
   * Paints one editor from its article's snapshot: findings of its visible window, all annotations.
   * A decoration type whose spans are those it already shows is not sent again (an annotation
   * change, the next slice of a large article, scrolling within the window, and after a keystroke
   * every type whose spans VS Code has moved with the text to where the new snapshot has them).
   */
  paint(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (this.isDisposed || this.sessions.isPending(document)) return;
    const started = performance.now();
    const snapshot = this.sessions.snapshot(document);
    if (!snapshot || (!snapshot.analysis && snapshot.placements.length === 0)) {
      this.clear(editor);
      return;
    }
    const orphanLine = (offset: number): Span => {
      // positionAt clamps offsets past the end, so an orphan of a shortened article still shows.
      const lineStart = document.offsetAt(new vscode.Position(document.positionAt(offset).line, 0));
      return { start: lineStart, end: lineStart };
    };
    const shown = this.shown.get(editor) ?? new ShownSpans();
    this.shown.set(editor, shown);
    // What VS Code moved with the text since the last paint is not sent again (a keystroke leaves most types alone).
    if (shown.follow(document.version, snapshot.version === document.version ? snapshot.edits : undefined)) this.settleLater(editor);
    const plan = planSnapshot(snapshot, () => this.visibleWindow(editor, shown), this.settings.for(document.uri), orphanLine, this.teams.teamFor(document.uri));
    const send = (type: vscode.TextEditorDecorationType, spans: readonly Span[]): void => {
      if (shown.update(document.version, type, spans)) editor.setDecorations(type, spans.map((span) => toRange(document, span)));
    };
    for (const kind of DECORATION_KINDS) send(this.types[kind], plan[kind]);
    for (const color of Object.keys(plan.colored)) if (!this.colorTypes.has(color)) this.colorTypes.set(color, createType(teamColorStyle(color), this.extensionUri));
    for (const [color, type] of this.colorTypes) send(type, plan.colored[color] ?? []);
    for (const color of Object.keys(plan.tagged)) if (!this.tagTypes.has(color)) this.tagTypes.set(color, createType(tagColorStyle(color), this.extensionUri));
    for (const [color, type] of this.tagTypes) send(type, plan.tagged[color] ?? []);
    this.lastPainted.set(document.uri.toString(), plan);
    this.lastPaintMs = performance.now() - started;
    this.painted.fire(editor);
  }

  override dispose(): void {
    clearTimeout(this.scrollTimer);
    for (const timer of this.settleTimers.values()) clearTimeout(timer);
    this.settleTimers.clear();
    this.disposeTypes();
    super.dispose();
  }

  private paintDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
  }

  /**
   * Sends the types sent while typing once more when typing has paused for a second. VS Code applies
   * decorations to the text it has when they arrive, which may already hold a newer keystroke than
   * the snapshot they were planned for; a type that is not sent again would keep such a slip until
   * its spans change. Types VS Code only moved are left alone (see ShownSpans.settle).
   */
  private settleLater(editor: vscode.TextEditor): void {
    clearTimeout(this.settleTimers.get(editor));
    this.settleTimers.set(
      editor,
      setTimeout(() => {
        this.settleTimers.delete(editor);
        if (this.isDisposed || !vscode.window.visibleTextEditors.includes(editor)) return;
        this.shown.get(editor)?.settle();
        this.paint(editor);
      }, 1000),
    );
  }

  private clear(editor: vscode.TextEditor): void {
    for (const kind of DECORATION_KINDS) editor.setDecorations(this.types[kind], []);
    for (const type of [...this.colorTypes.values(), ...this.tagTypes.values()]) editor.setDecorations(type, []);
    this.lastPainted.delete(editor.document.uri.toString());
    this.shown.delete(editor);
  }

  /** The offsets of the painted window (its lines are kept in `shown` for the next paint). */
  private visibleWindow(editor: vscode.TextEditor, shown: ShownSpans<vscode.TextEditorDecorationType>): Span {
    const document = editor.document;
    const visible = editor.visibleRanges;
    const { first, last } = (shown.window = windowLines(visible[0]?.start.line ?? 0, visible[visible.length - 1]?.end.line ?? 0, document.lineCount, shown.window));
    return { start: document.offsetAt(new vscode.Position(first, 0)), end: document.offsetAt(document.lineAt(last).range.end) };
  }

  private disposeTypes(): void {
    for (const type of Object.values(this.types)) type.dispose();
    for (const type of [...this.colorTypes.values(), ...this.tagTypes.values()]) type.dispose();
    this.colorTypes.clear();
    this.tagTypes.clear();
  }
}
