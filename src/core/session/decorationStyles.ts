/**
 * How each decoration kind looks, as plain data: colours by theme colour id (defined in
 * package.json's `contributes.colors`, so they follow the theme) or as a team file's `#rrggbb`, the
 * gutter icon by name (media/gutter-NAME.svg) or as a data address, the overview ruler's lane. The
 * painter turns a style into VS Code's decoration options; nothing here knows VS Code.
 */
import { colorDotUri, fullHex, type DecorationKind } from './decorationPlan';

/** A theme colour by its id. */
export interface ThemeColorRef {
  themeColor: string;
}

export type StyleColor = ThemeColorRef | string;

export interface DecorationStyle {
  backgroundColor?: StyleColor;
  color?: StyleColor;
  fontWeight?: string;
  border?: string;
  borderWidth?: string;
  borderStyle?: string;
  borderColor?: StyleColor;
  isWholeLine?: boolean;
  /** A name of media/gutter-NAME.svg, or a data address. */
  gutterIcon?: string;
  overviewRulerColor?: StyleColor;
  overviewRulerLane?: 'left' | 'center' | 'right';
  after?: { contentText: string; color: StyleColor; margin?: string };
  /** The decoration grows when text is typed at its edges (a verdict's words being corrected). */
  growsAtEdges?: boolean;
}

function theme(id: string): ThemeColorRef {
  return { themeColor: id };
}

/** A verdict of version 1: tinted background, underline, gutter icon, mark in the ruler's left lane. */
function verdictStyle(name: 'verified' | 'disputed' | 'outdated'): DecorationStyle {
  return {
    backgroundColor: theme(`aiNews.${name}Background`),
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: theme(`aiNews.${name}Border`),
    gutterIcon: name,
    overviewRulerColor: theme(`aiNews.${name}Border`),
    overviewRulerLane: 'left',
    growsAtEdges: true,
  };
}

export const DECORATION_STYLES: Readonly<Record<DecorationKind, DecorationStyle>> = {
  claim: {
    backgroundColor: theme('aiNews.claimBackground'),
    borderWidth: '0 0 1px 0',
    borderStyle: 'dotted',
    borderColor: theme('aiNews.claimBorder'),
    overviewRulerColor: theme('aiNews.claimBorder'),
    overviewRulerLane: 'center',
  },
  number: { color: theme('aiNews.numberForeground'), borderWidth: '0 0 1px 0', borderStyle: 'dashed', borderColor: theme('aiNews.numberBorder'), fontWeight: '600' },
  entity: { borderWidth: '0 0 2px 0', borderStyle: 'solid', borderColor: theme('aiNews.entityBorder') },
  verified: verdictStyle('verified'),
  disputed: verdictStyle('disputed'),
  outdated: verdictStyle('outdated'),
  fuzzy: { border: '1px dashed', borderColor: theme('aiNews.fuzzyBorder'), gutterIcon: 'fuzzy', overviewRulerColor: theme('aiNews.fuzzyBorder'), overviewRulerLane: 'right' },
  orphaned: { isWholeLine: true, gutterIcon: 'orphaned', overviewRulerColor: theme('aiNews.fuzzyBorder'), overviewRulerLane: 'right' },
  needsRecheck: { gutterIcon: 'recheck', after: { contentText: ' ⟳', color: theme('aiNews.outdatedBorder') } },
  // Unverifiable, in progress, and team statuses without a colour: a neutral style.
  otherStatus: {
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: theme('aiNews.otherStatusBorder'),
    gutterIcon: 'status',
    overviewRulerColor: theme('aiNews.otherStatusBorder'),
    overviewRulerLane: 'left',
    growsAtEdges: true,
  },
  possiblyOutdated: {
    borderWidth: '0 0 2px 0',
    borderStyle: 'double',
    borderColor: theme('aiNews.possiblyOutdatedBorder'),
    overviewRulerColor: theme('aiNews.possiblyOutdatedBorder'),
    overviewRulerLane: 'right',
  },
};

/**
 * A highlight in a team status's colour (validated as `#rgb`/`#rrggbb` by the team file's reader):
 * a tinted background, an underline, and a gutter dot of that colour.
 */
export function teamColorStyle(hex: string): DecorationStyle {
  const full = fullHex(hex);
  return {
    backgroundColor: `${full}26`,
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: full,
    gutterIcon: colorDotUri(hex),
    overviewRulerColor: full,
    overviewRulerLane: 'left',
    growsAtEdges: true,
  };
}

/**
 * A tag's colour: a dot after the annotated words and a mark in the overview ruler's right lane. It
 * leaves background, underline and gutter to the verdict, so both can be read at once.
 */
export function tagColorStyle(hex: string): DecorationStyle {
  const full = fullHex(hex);
  return { after: { contentText: '\u25cf', color: full, margin: '0 0 0 0.15em' }, overviewRulerColor: full, overviewRulerLane: 'right', growsAtEdges: true };
}
