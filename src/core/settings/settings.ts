/**
 * The extension's settings as plain data: every key under `aiNews.`, its default, and how a read
 * value becomes a `Settings` object. The editor reads the values (VS Code's configuration); a value
 * of the wrong type (a hand-edited settings.json) counts as not set, so the default applies.
 */
import { DEFAULT_CLAIM_THRESHOLD } from '../analysis';

export type HighlightKind = 'claims' | 'numbers' | 'entities';

export interface Settings {
  annotationFile: string;
  articleGlobs: string[];
  highlight: Record<HighlightKind, boolean>;
  claimScoreThreshold: number;
  debounceMs: number;
  maxArticleSizeBytes: number;
  author: string;
  /** Others' verdicts on a claim stay hidden until you gave your own. */
  blindDoubleCheck: boolean;
  diagnosticsEnabled: boolean;
  maxVerifiedAgeDays: number;
  maxArticleAgeDays: number;
  exportBaseIri: string;
  /** Archived evidence larger than this is refused. */
  maxEvidenceArchiveBytes: number;
}

/** The section of every setting's key. */
export const SECTION = 'aiNews';

/** Every setting the extension reads, by its key under `aiNews.`, with its default. */
export const SETTING_DEFAULTS = {
  annotationFile: '.ainews/annotations.json',
  articleGlobs: ['articles/**', 'seeds/**'],
  'highlight.claims': true,
  'highlight.numbers': true,
  'highlight.entities': true,
  claimScoreThreshold: DEFAULT_CLAIM_THRESHOLD,
  debounceMs: 300,
  maxArticleSizeKB: 2048,
  author: '',
  blindDoubleCheck: false,
  'diagnostics.enabled': false,
  'recheck.maxVerifiedAgeDays': 180,
  'outdated.maxArticleAgeDays': 365,
  'export.baseIri': '',
  'evidence.maxArchiveSizeMB': 20,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** Reads one setting's value as configured (undefined when it is not set). */
export type SettingLookup = (key: SettingKey) => unknown;

/** A value of the default's type (a list only of strings), or the default. */
function valueOrDefault<K extends SettingKey>(lookup: SettingLookup, key: K): (typeof SETTING_DEFAULTS)[K] {
  const fallback = SETTING_DEFAULTS[key];
  const value = lookup(key);
  if (Array.isArray(fallback)) return (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback) as (typeof SETTING_DEFAULTS)[K];
  return (typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value)) ? value : fallback) as (typeof SETTING_DEFAULTS)[K];
}

/** The settings from what is configured. */
export function settingsFrom(lookup: SettingLookup): Settings {
  const get = <K extends SettingKey>(key: K): (typeof SETTING_DEFAULTS)[K] => valueOrDefault(lookup, key);
  return {
    annotationFile: get('annotationFile'),
    articleGlobs: get('articleGlobs'),
    highlight: {
      claims: get('highlight.claims'),
      numbers: get('highlight.numbers'),
      entities: get('highlight.entities'),
    },
    claimScoreThreshold: get('claimScoreThreshold'),
    debounceMs: get('debounceMs'),
    maxArticleSizeBytes: get('maxArticleSizeKB') * 1024,
    author: get('author'),
    blindDoubleCheck: get('blindDoubleCheck'),
    diagnosticsEnabled: get('diagnostics.enabled'),
    maxVerifiedAgeDays: get('recheck.maxVerifiedAgeDays'),
    maxArticleAgeDays: get('outdated.maxArticleAgeDays'),
    exportBaseIri: get('export.baseIri'),
    maxEvidenceArchiveBytes: get('evidence.maxArchiveSizeMB') * 1024 * 1024,
  };
}
