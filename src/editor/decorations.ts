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
import { isClassicStatus, type Status } from '../core/store/annotation';
import { describeStatus, type TeamConfig } from '../core/team/team';
import { tagColor } from '../core/tags/tags';
import type { Finding } from '../core/analysis/types';
import type { PlacedAnnotation, SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { spansIn } from '../core/span';
import { toRange, type Span } from './ranges';
import type { Settings, SettingsCache } from './settings';

export type DecorationKind =
  | 'claim' | 'number' | 'entity'
  | 'verified' | 'disputed' | 'outdated' | 'otherStatus' | 'fuzzy' | 'orphaned' | 'needsRecheck' | 'possiblyOutdated';

export const DECORATION_KINDS: readonly DecorationKind[] = [
  'claim', 'number', 'entity', 'verified', 'disputed', 'outdated', 'otherStatus', 'fuzzy', 'orphaned', 'needsRecheck', 'possiblyOutdated',
];

/** Lines around the visible range that also get finding decorations in large documents. */
const VISIBLE_MARGIN_LINES = 200;
/** Above this many findings only the visible part of the document is decorated. */
const FULL_PAINT_LIMIT = 5000;

/**
 * Spans by decoration kind; annotations with a team status's own colour by that colour (`colored`),
 * and annotations with a coloured tag by the tag's colour (`tagged`).
 */
export type Painted = Record<DecorationKind, Span[]> & { colored: Record<string, Span[]>; tagged: Record<string, Span[]> };

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

function emptyPainted(): Painted {
  return { ...(Object.fromEntries(DECORATION_KINDS.map((k) => [k, []])) as unknown as Record<DecorationKind, Span[]>), colored: {}, tagged: {} };
}

/** `#rgb` as `#rrggbb` (colours come validated by the team file's reader). */
function fullHex(hex: string): string {
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

/**
 * A highlight in a team status's colour (validated as `#rgb`/`#rrggbb` by the team file's reader):
 * a tinted background, an underline, and a gutter dot drawn as an inline SVG of that colour.
 */
function teamColorType(hex: string): vscode.TextEditorDecorationType {
  const dot = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="${hex}"/></svg>`;
  const full = fullHex(hex);
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: `${full}26`,
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: full,
    gutterIconPath: vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(dot)}`),
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

/** Where an annotation's status is painted: its own kind (version 1), a team colour, or the neutral style. */
function statusPaint(status: Status, team: TeamConfig): { kind: DecorationKind } | { color: string } {
  if (isClassicStatus(status)) return { kind: status };
  const color = describeStatus(team, status).color;
  return color ? { color: color.toLowerCase() } : { kind: 'otherStatus' };
}


/** Sorts findings and annotations into decoration kinds. Pure: exported for the unit tests of the layer. */
export function planDecorations(
  findings: readonly Finding[],
  placed: readonly PlacedAnnotation[],
  settings: Pick<Settings, 'highlight' | 'claimScoreThreshold'>,
  possiblyOutdated: readonly Span[],
  orphanLine: (offset: number) => Span,
  team: TeamConfig,
): Painted {
  const painted = emptyPainted();
  for (const f of findings) {
    if (f.kind === 'claim' && settings.highlight.claims && f.score >= settings.claimScoreThreshold) painted.claim.push(f);
    else if (f.kind === 'number' && settings.highlight.numbers) painted.number.push(f);
    else if (f.kind === 'entity' && settings.highlight.entities) painted.entity.push(f);
  }
  for (const p of placed) {
    if (!p.span) {
      painted.orphaned.push(orphanLine(p.annotation.position.start));
      continue;
    }
    const paint = statusPaint(p.annotation.status, team);
    if ('kind' in paint) painted[paint.kind].push(p.span);
    else (painted.colored[paint.color] ??= []).push(p.span);
    const tagged = tagColor(team, p.annotation.tags);
    if (tagged) (painted.tagged[tagged.toLowerCase()] ??= []).push(p.span);
    if (p.state === 'fuzzy') painted.fuzzy.push(p.span);
    if (p.flags.length > 0) painted.needsRecheck.push(p.span);
  }
  painted.possiblyOutdated.push(...possiblyOutdated);
  return painted;
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
        if (!this.repaintsOnScroll(e.textEditor.document)) return;
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
    const analysis = snapshot?.analysis;
    const placed = snapshot?.placements ?? [];
    if (!analysis && placed.length === 0) {
      this.clear(editor);
      return;
    }
    const settings = this.settings.for(document.uri);
    const window = analysis && analysis.findings.length > FULL_PAINT_LIMIT ? this.visibleWindow(editor) : undefined;
    const findings = !analysis ? [] : window ? spansIn(analysis.findings, window) : analysis.findings;
    const orphanLine = (offset: number): Span => {
      // positionAt clamps offsets past the end, so an orphan of a shortened article still shows.
      const lineStart = document.offsetAt(new vscode.Position(document.positionAt(offset).line, 0));
      return { start: lineStart, end: lineStart };
    };
    const plan = planDecorations(findings, placed, settings, snapshot?.possiblyOutdated ?? [], orphanLine, this.teams.teamFor(document.uri));
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

  /** True when scrolling brings other findings into view: a large or not yet fully analysed article. */
  private repaintsOnScroll(document: vscode.TextDocument): boolean {
    const snapshot = this.sessions.snapshot(document);
    return snapshot?.analysis !== undefined && (!snapshot.complete || snapshot.analysis.findings.length > FULL_PAINT_LIMIT);
  }

  private visibleWindow(editor: vscode.TextEditor): Span {
    const document = editor.document;
    const visible = editor.visibleRanges;
    const first = Math.max(0, (visible[0]?.start.line ?? 0) - VISIBLE_MARGIN_LINES);
    const last = Math.min(document.lineCount - 1, (visible[visible.length - 1]?.end.line ?? 0) + VISIBLE_MARGIN_LINES);
    return { start: document.offsetAt(new vscode.Position(first, 0)), end: document.offsetAt(document.lineAt(last).range.end) };
  }

  private disposeTypes(): void {
    for (const type of Object.values(this.types)) type.dispose();
    for (const type of [...this.colorTypes.values(), ...this.tagTypes.values()]) type.dispose();
    this.colorTypes.clear();
    this.tagTypes.clear();
  }
}
