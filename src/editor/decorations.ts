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
import { colorDotUri, DECORATION_KINDS, fullHex, planSnapshot, repaintsOnScroll, windowLines, type DecorationKind, type Painted } from '../core/session/decorationPlan';
import type { TeamConfig } from '../core/team/team';
import type { SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { toRange, type Span } from './ranges';
import type { SettingsCache } from './settings';

export type { Painted };

function color(id: string): vscode.ThemeColor {
  return new vscode.ThemeColor(id);
}

function buildTypes(extensionUri: vscode.Uri): Record<DecorationKind, vscode.TextEditorDecorationType> {
  const icon = (name: string): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'media', `gutter-${name}.svg`);
  const status = (name: 'verified' | 'disputed' | 'outdated'): vscode.TextEditorDecorationType =>
    vscode.window.createTextEditorDecorationType({
      backgroundColor: color(`aiNews.${name}Background`),
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
      borderColor: color(`aiNews.${name}Border`),
      gutterIconPath: icon(name),
      gutterIconSize: '80%',
      overviewRulerColor: color(`aiNews.${name}Border`),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  return {
    claim: vscode.window.createTextEditorDecorationType({
      backgroundColor: color('aiNews.claimBackground'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
      borderColor: color('aiNews.claimBorder'),
      overviewRulerColor: color('aiNews.claimBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    }),
    number: vscode.window.createTextEditorDecorationType({
      color: color('aiNews.numberForeground'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'dashed',
      borderColor: color('aiNews.numberBorder'),
      fontWeight: '600',
    }),
    entity: vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
      borderColor: color('aiNews.entityBorder'),
    }),
    verified: status('verified'),
    disputed: status('disputed'),
    outdated: status('outdated'),
    fuzzy: vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: color('aiNews.fuzzyBorder'),
      gutterIconPath: icon('fuzzy'),
      gutterIconSize: '80%',
      overviewRulerColor: color('aiNews.fuzzyBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    orphaned: vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      gutterIconPath: icon('orphaned'),
      gutterIconSize: '80%',
      overviewRulerColor: color('aiNews.fuzzyBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    needsRecheck: vscode.window.createTextEditorDecorationType({
      gutterIconPath: icon('recheck'),
      gutterIconSize: '80%',
      after: { contentText: ' ⟳', color: color('aiNews.outdatedBorder') },
    }),
    // Unverifiable, in progress, and team statuses without a colour: a neutral style.
    otherStatus: vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
      borderColor: color('aiNews.otherStatusBorder'),
      gutterIconPath: icon('status'),
      gutterIconSize: '80%',
      overviewRulerColor: color('aiNews.otherStatusBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    possiblyOutdated: vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 2px 0',
      borderStyle: 'double',
      borderColor: color('aiNews.possiblyOutdatedBorder'),
      overviewRulerColor: color('aiNews.possiblyOutdatedBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
  };
}

/**
 * A highlight in a team status's colour (validated as `#rgb`/`#rrggbb` by the team file's reader):
 * a tinted background, an underline, and a gutter dot drawn as an inline SVG of that colour.
 */
function teamColorType(hex: string): vscode.TextEditorDecorationType {
  const full = fullHex(hex);
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: `${full}26`,
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: full,
    gutterIconPath: vscode.Uri.parse(colorDotUri(hex)),
    gutterIconSize: '80%',
    overviewRulerColor: full,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/**
 * A tag's colour: a dot after the annotated words and a mark in the overview ruler's right lane. It
 * leaves background, underline and gutter to the verdict, so both can be read at once.
 */
function tagColorType(hex: string): vscode.TextEditorDecorationType {
  const full = fullHex(hex);
  return vscode.window.createTextEditorDecorationType({
    after: { contentText: '\u25cf', color: full, margin: '0 0 0 0.15em' },
    overviewRulerColor: full,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
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
  private readonly painted = this.register(new vscode.EventEmitter<vscode.TextEditor>());
  /** Fires after an editor was painted (the test API waits on it). */
  readonly onDidPaint = this.painted.event;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last paint took (for the benchmarks). */
  lastPaintMs = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly sessions: SnapshotSource,
    private readonly settings: SettingsCache,
    private readonly teams: TeamSource,
  ) {
    super();
    this.types = buildTypes(extensionUri);
    this.register(teams.onDidChange(() => this.paintAll()));
    this.register(sessions.onDidChangeArticle(({ document }) => this.paintDocument(document)));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()));
    this.register(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!repaintsOnScroll(this.sessions.snapshot(e.textEditor.document))) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.paint(e.textEditor), 50);
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Types are built once (theme colours follow the theme); settings only change what is drawn.
        if (e.affectsConfiguration('aiNews.highlight') || e.affectsConfiguration('aiNews.claimScoreThreshold')) this.paintAll();
      }),
    );
  }

  /** Paints every visible editor. */
  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  /** What was last painted into a document, by kind (for the test API). */
  paintedSpans(uri: vscode.Uri): Painted | undefined {
    return this.lastPainted.get(uri.toString());
  }

  /** Paints one editor from its article's snapshot: findings of its visible window, all annotations. */
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
    const plan = planSnapshot(snapshot, () => this.visibleWindow(editor), this.settings.for(document.uri), orphanLine, this.teams.teamFor(document.uri));
    for (const kind of DECORATION_KINDS) {
      editor.setDecorations(this.types[kind], plan[kind].map((span) => toRange(document, span)));
    }
    for (const color of Object.keys(plan.colored)) if (!this.colorTypes.has(color)) this.colorTypes.set(color, teamColorType(color));
    for (const [color, type] of this.colorTypes) editor.setDecorations(type, (plan.colored[color] ?? []).map((span) => toRange(document, span)));
    for (const color of Object.keys(plan.tagged)) if (!this.tagTypes.has(color)) this.tagTypes.set(color, tagColorType(color));
    for (const [color, type] of this.tagTypes) editor.setDecorations(type, (plan.tagged[color] ?? []).map((span) => toRange(document, span)));
    this.lastPainted.set(document.uri.toString(), plan);
    this.lastPaintMs = performance.now() - started;
    this.painted.fire(editor);
  }

  override dispose(): void {
    clearTimeout(this.scrollTimer);
    this.disposeTypes();
    super.dispose();
  }

  private paintDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
  }

  private clear(editor: vscode.TextEditor): void {
    for (const kind of DECORATION_KINDS) editor.setDecorations(this.types[kind], []);
    for (const type of [...this.colorTypes.values(), ...this.tagTypes.values()]) editor.setDecorations(type, []);
    this.lastPainted.delete(editor.document.uri.toString());
  }

  private visibleWindow(editor: vscode.TextEditor): Span {
    const document = editor.document;
    const visible = editor.visibleRanges;
    const { first, last } = windowLines(visible[0]?.start.line ?? 0, visible[visible.length - 1]?.end.line ?? 0, document.lineCount);
    return { start: document.offsetAt(new vscode.Position(first, 0)), end: document.offsetAt(document.lineAt(last).range.end) };
  }

  private disposeTypes(): void {
    for (const type of Object.values(this.types)) type.dispose();
    for (const type of [...this.colorTypes.values(), ...this.tagTypes.values()]) type.dispose();
    this.colorTypes.clear();
    this.tagTypes.clear();
  }
}
