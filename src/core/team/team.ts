/**
 * The team file `.ainews/team.json` (committed with the annotations): the team's own statuses with
 * labels in English and German, colours, whether each is a verdict and its ClaimReview rating; the
 * second-review rule; the rating scale; tag colours. A pure reader and validator: problems come
 * with line and column, and a file that cannot be read falls back to the defaults (nothing is ever
 * rewritten by this module).
 */
import { isBuiltInStatus, MAX_STATUS_ID_LENGTH, STATUS_ID_PATTERN, type BuiltInStatus, type Status } from '../store/annotation';
import { locateProblems, syntaxProblem, type FileProblem } from '../store/file';
import type { ValidationProblem } from '../store/validate';

export const DEFAULT_TEAM_FILE = '.ainews/team.json';
/** The team file version this reader knows: a file of a higher `version` is read for what this version understands. */
export const TEAM_FILE_VERSION = 1;

/** The fields of the team file this version knows; any other is ignored with a warning. */
const TEAM_FIELDS = ['version', 'statuses', 'secondReview', 'ratingScale', 'tags'] as const;
const STATUS_FIELDS = ['id', 'label', 'color', 'verdict', 'rating'] as const;

export type SecondReview = 'required' | 'optional' | 'off';
export const SECOND_REVIEW_MODES: readonly SecondReview[] = ['required', 'optional', 'off'];

export interface TeamStatus {
  /** Lower-case letters, digits and hyphens; never one of the built-in ids. */
  id: string;
  label: { en: string; de?: string };
  /** A colour `#rgb` or `#rrggbb` for highlights, gutter and tree. */
  color?: string;
  /** Whether the status is a verdict (else a work state, like "in-progress"). */
  verdict: boolean;
  /** The ClaimReview rating of the verdict, on the team's rating scale. */
  rating?: number;
}

export interface TagStyle {
  name: string;
  color: string;
}

export interface TeamConfig {
  statuses: TeamStatus[];
  secondReview: SecondReview;
  ratingScale: { worst: number; best: number };
  tags: TagStyle[];
}

/** Without a team file: no statuses of its own, no second review, the 1-to-3 scale of version 1's exports. */
export const DEFAULT_TEAM: TeamConfig = { statuses: [], secondReview: 'off', ratingScale: { worst: 1, best: 3 }, tags: [] };

/**
 * The documented ClaimReview ratings of the built-in verdicts, as a share of the way from the
 * scale's worst (0) to its best (1): disputed worst, unverifiable and outdated in the middle,
 * verified best, rounded to a whole step. On the default 1-to-3 scale: 1, 2, 2, 3 (as before version 2);
 * on a 1-to-5 scale: 1, 3, 3, 5. "in-progress" is not a verdict: no rating.
 */
const BUILT_IN_RATING_SHARE: Readonly<Record<Exclude<BuiltInStatus, 'in-progress'>, number>> = {
  disputed: 0,
  outdated: 0.5,
  unverifiable: 0.5,
  verified: 1,
};

/** English labels of the built-in statuses (the exports' language). */
export const BUILT_IN_LABELS: Readonly<Record<BuiltInStatus, { en: string; de: string }>> = {
  verified: { en: 'Verified', de: 'Verifiziert' },
  disputed: { en: 'Disputed', de: 'Umstritten' },
  outdated: { en: 'Outdated', de: 'Veraltet' },
  unverifiable: { en: 'Unverifiable', de: 'Nicht überprüfbar' },
  'in-progress': { en: 'In progress', de: 'In Prüfung' },
};

/** What the team file says about one status, and whether the file still defines it. */
export interface StatusInfo {
  id: Status;
  label: string;
  verdict: boolean;
  /** The ClaimReview rating; undefined for a work state or a status the team file no longer defines. */
  rating?: number;
  color?: string;
  /** False for a status the annotation uses but no one defines (any more): shown as its id, never dropped. */
  known: boolean;
}

/**
 * Describes a status for display and export.
 * @param team The team's configuration (DEFAULT_TEAM without a file).
 * @param status The annotation's status.
 * @param language `en` or `de`; a team status without a German label falls back to English.
 */
export function describeStatus(team: TeamConfig, status: Status, language: 'en' | 'de' = 'en'): StatusInfo {
  if (isBuiltInStatus(status)) {
    const info: StatusInfo = { id: status, label: BUILT_IN_LABELS[status][language], verdict: status !== 'in-progress', known: true };
    if (status !== 'in-progress') info.rating = builtInRating(team, status);
    return info;
  }
  const own = team.statuses.find((s) => s.id === status);
  if (!own) return { id: status, label: status, verdict: true, known: false };
  const info: StatusInfo = { id: status, label: (language === 'de' ? own.label.de : undefined) ?? own.label.en, verdict: own.verdict, known: true };
  if (own.rating !== undefined && own.verdict) info.rating = own.rating;
  if (own.color !== undefined) info.color = own.color;
  return info;
}

/** A built-in verdict's rating on the team's scale, rounded to the nearest step. */
function builtInRating(team: TeamConfig, status: Exclude<BuiltInStatus, 'in-progress'>): number {
  const { worst, best } = team.ratingScale;
  return Math.round(worst + (best - worst) * BUILT_IN_RATING_SHARE[status]);
}

/** The middle of the team's rating scale (for "unverifiable"). */
export function middleRating(team: TeamConfig): number {
  return builtInRating(team, 'unverifiable');
}

/** Whether a status is a verdict (unknown statuses count as verdicts: someone gave them as one). */
export function isVerdict(team: TeamConfig, status: Status): boolean {
  return describeStatus(team, status).verdict;
}

export type TeamParseResult =
  /**
   * The team's rules. `warnings` (line, column) name what was ignored: a field this version does
   * not know, and in a newer file a field this version cannot read. `newerVersion` is the file's
   * `version` when it is higher than {@link TEAM_FILE_VERSION}.
   */
  | { kind: 'ok'; team: TeamConfig; warnings: FileProblem[]; newerVersion?: number }
  | { kind: 'invalid'; problems: FileProblem[]; team: TeamConfig };

/**
 * Reads `.ainews/team.json`'s text. A field this version does not know is ignored with a warning,
 * so that a teammate's newer file never turns the known rules (second review above all) off. A file
 * of a newer `version` is read for what this version understands: a known field it cannot read is
 * ignored with a warning too. Any other mistake makes the file invalid: its problems (line, column)
 * and the defaults, so that a typo in the team file never stops anyone's work.
 */
export function parseTeamFile(text: string): TeamParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'ok', team: DEFAULT_TEAM, warnings: [] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { kind: 'invalid', problems: [syntaxProblem(body, error)], team: DEFAULT_TEAM };
  }
  const { problems, warnings } = checkTeamValue(value);
  const newerVersion = newerVersionOf(value);
  if (newerVersion === undefined) {
    if (problems.length > 0) return { kind: 'invalid', problems: locateProblems(body, problems), team: DEFAULT_TEAM };
    return { kind: 'ok', team: teamFromValue(value as Record<string, unknown>), warnings: locateProblems(body, warnings) };
  }
  return readNewerTeamFile(body, value as Record<string, unknown>, newerVersion, problems, warnings);
}

/** The file's `version` when it is a whole number above {@link TEAM_FILE_VERSION}. */
function newerVersionOf(value: unknown): number | undefined {
  const version = isObject(value) ? value.version : undefined;
  return typeof version === 'number' && Number.isSafeInteger(version) && version > TEAM_FILE_VERSION ? version : undefined;
}

/**
 * A newer team file, read for what this version understands: a top-level field with a problem is
 * left out (its default applies) with a warning, the others apply. A value that is no object at all
 * cannot be newer (it has no version), so `problems` never lie at the root here.
 */
function readNewerTeamFile(body: string, value: Record<string, unknown>, version: number, problems: ValidationProblem[], warnings: ValidationProblem[]): TeamParseResult {
  const unreadable = new Set(problems.map((p) => p.path[0] as string));
  const notRead: ValidationProblem[] = problems.map((p) => ({ ...p, message: `${p.message}; not understood by this version, "${String(p.path[0])}" is ignored` }));
  const known = Object.fromEntries(Object.entries(value).filter(([key]) => !unreadable.has(key)));
  // The ratings of the statuses are checked against the scale: without the scale, they are checked again.
  const again = unreadable.size > 0 ? checkTeamValue(known).problems : [];
  for (const key of new Set(again.map((p) => p.path[0] as string))) delete known[key];
  const newer: ValidationProblem = { path: ['version'], message: `written by a newer version of AI News Annotator (team file version ${version}, this one knows ${TEAM_FILE_VERSION}): what this version understands applies; update it for the rest` };
  return { kind: 'ok', team: teamFromValue(known), warnings: locateProblems(body, [newer, ...notRead, ...again, ...warnings]), newerVersion: version };
}

/** The team rules of a checked value: only the fields this version knows, defaults for the others. */
function teamFromValue(value: Record<string, unknown>): TeamConfig {
  const scale = value.ratingScale as TeamConfig['ratingScale'] | undefined;
  return {
    statuses: ((value.statuses as TeamStatus[] | undefined) ?? []).map(knownStatusFields),
    secondReview: (value.secondReview as SecondReview | undefined) ?? DEFAULT_TEAM.secondReview,
    ratingScale: scale ? { worst: scale.worst, best: scale.best } : DEFAULT_TEAM.ratingScale,
    tags: ((value.tags as TagStyle[] | undefined) ?? []).map(({ name, color }) => ({ name, color })),
  };
}

function knownStatusFields(status: TeamStatus): TeamStatus {
  const known: TeamStatus = { id: status.id, label: status.label.de === undefined ? { en: status.label.en } : { en: status.label.en, de: status.label.de }, verdict: status.verdict };
  if (status.color !== undefined) known.color = status.color;
  if (status.rating !== undefined) known.rating = status.rating;
  return known;
}

const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed team file against its contract (`schemas/team.schema.json`).
 * @returns Every departure from it, each at a JSON path (the fields this version does not know
 *   included, which the reader ignores with a warning); empty when valid.
 */
export function validateTeamValue(value: unknown): ValidationProblem[] {
  const { problems, warnings } = checkTeamValue(value);
  return [...problems, ...warnings];
}

/**
 * Checks a parsed team file: `problems` make it invalid, `warnings` name the fields this version
 * does not know (ignored: the known fields still apply).
 */
function checkTeamValue(value: unknown): { problems: ValidationProblem[]; warnings: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const warnings: ValidationProblem[] = [];
  const add: Add = (path, message, atKey = false) => problems.push({ path, message, ...(atKey ? { atKey } : {}) });
  const ignore: Ignore = (path, message) => warnings.push({ path, message: `${message}; ignored`, atKey: true });
  if (!isObject(value)) {
    add([], `the team file must be a JSON object {"statuses": [...], "secondReview": ..., "ratingScale": ...}, not ${JSON.stringify(value)}`);
    return { problems, warnings };
  }
  for (const key in value) {
    if (!(TEAM_FIELDS as readonly string[]).includes(key)) ignore([key], `unknown field "${key}" (this version knows ${TEAM_FIELDS.join(', ')})`);
  }
  if ('version' in value && !(typeof value.version === 'number' && Number.isSafeInteger(value.version) && value.version >= 1)) {
    add(['version'], `must be a whole number from 1, not ${JSON.stringify(value.version)}`);
  }
  if ('secondReview' in value && !(SECOND_REVIEW_MODES as readonly unknown[]).includes(value.secondReview)) {
    add(['secondReview'], `must be "required", "optional" or "off", not ${JSON.stringify(value.secondReview)}`);
  }
  const scale = checkScale(value.ratingScale, 'ratingScale' in value, add, ignore);
  if ('statuses' in value) {
    if (!Array.isArray(value.statuses)) add(['statuses'], 'must be a list of statuses');
    else checkStatuses(value.statuses, scale, add, ignore);
  }
  if ('tags' in value) {
    if (!Array.isArray(value.tags)) add(['tags'], 'must be a list of {"name", "color"}');
    else checkTagStyles(value.tags, add, ignore);
  }
  return { problems, warnings };
}

type Add = (path: (string | number)[], message: string, atKey?: boolean) => void;
/** Names a field this version does not know, at its key: ignored, the rest applies. */
type Ignore = (path: (string | number)[], message: string) => void;

function checkScale(scale: unknown, present: boolean, add: Add, ignore: Ignore): { worst: number; best: number } {
  if (!present) return DEFAULT_TEAM.ratingScale;
  const ok = isObject(scale) && Number.isSafeInteger(scale.worst) && Number.isSafeInteger(scale.best) && (scale.worst as number) < (scale.best as number);
  if (!ok) {
    add(['ratingScale'], `must be {"worst": n, "best": m} with whole numbers, worst below best, not ${JSON.stringify(scale)}`);
    return DEFAULT_TEAM.ratingScale;
  }
  for (const key in scale) if (key !== 'worst' && key !== 'best') ignore(['ratingScale', key], `unknown field "${key}" in ratingScale (known: worst, best)`);
  return { worst: scale.worst as number, best: scale.best as number };
}

function checkStatuses(statuses: unknown[], scale: { worst: number; best: number }, add: Add, ignore: Ignore): void {
  const seen = new Set<string>();
  statuses.forEach((status, i) => {
    const path = ['statuses', i];
    if (!isObject(status)) {
      add(path, `must be a status {"id", "label": {"en", "de"}, "color", "verdict", "rating"}, not ${JSON.stringify(status)}`);
      return;
    }
    for (const key in status) {
      if (!(STATUS_FIELDS as readonly string[]).includes(key)) ignore([...path, key], `unknown field "${key}" in a status (known: ${STATUS_FIELDS.join(', ')})`);
    }
    for (const key of ['id', 'label', 'verdict']) if (!(key in status)) add(path, `is missing "${key}"`);
    const id = status.id;
    if ('id' in status) {
      if (typeof id !== 'string' || id.length > MAX_STATUS_ID_LENGTH || !STATUS_ID_PATTERN.test(id)) {
        add([...path, 'id'], `must be lower-case letters, digits and hyphens (at most ${MAX_STATUS_ID_LENGTH}), not ${JSON.stringify(id)}`);
      } else if (isBuiltInStatus(id)) {
        add([...path, 'id'], `"${id}" is a built-in status and cannot be redefined; choose another id`);
      } else if (seen.has(id)) {
        add([...path, 'id'], `repeats the status "${id}"`);
      }
      if (typeof id === 'string') seen.add(id);
    }
    if ('label' in status) checkLabel(status.label, [...path, 'label'], add, ignore);
    if ('color' in status && (typeof status.color !== 'string' || !COLOR_PATTERN.test(status.color))) add([...path, 'color'], `must be a colour such as "#d97706", not ${JSON.stringify(status.color)}`);
    if ('verdict' in status && typeof status.verdict !== 'boolean') add([...path, 'verdict'], `must be true or false, not ${JSON.stringify(status.verdict)}`);
    if ('rating' in status) {
      const rating = status.rating;
      if (typeof rating !== 'number' || !Number.isSafeInteger(rating) || rating < scale.worst || rating > scale.best) {
        add([...path, 'rating'], `must be a whole number from ${scale.worst} to ${scale.best} (the ratingScale), not ${JSON.stringify(rating)}`);
      } else if (status.verdict === false) {
        add([...path, 'rating'], 'only a verdict has a rating ("verdict": true)');
      }
    }
  });
}

function checkLabel(label: unknown, path: (string | number)[], add: Add, ignore: Ignore): void {
  if (!isObject(label)) {
    add(path, `must be {"en": "...", "de": "..."}, not ${JSON.stringify(label)}`);
    return;
  }
  for (const key in label) {
    if (key !== 'en' && key !== 'de') ignore([...path, key], `unknown language "${key}" (labels are "en" and "de")`);
    else if (typeof label[key] !== 'string' || (label[key] as string).trim() === '') add([...path, key], 'must be a label that is not empty');
  }
  if (!('en' in label)) add(path, 'is missing "en"');
}

/**
 * Tag colours. A name no tag can have (over 50 characters, two lines) never matches, and a name given
 * twice (in any case) gives way to the first: neither makes the file invalid, so a team file that was
 * valid before keeps its statuses, review rule and members.
 */
function checkTagStyles(tags: unknown[], add: Add, ignore: Ignore): void {
  tags.forEach((tag, i) => {
    const path = ['tags', i];
    if (!isObject(tag) || typeof tag.name !== 'string' || tag.name === '' || typeof tag.color !== 'string' || !COLOR_PATTERN.test(tag.color)) {
      add(path, `must be {"name": "...", "color": "#rrggbb"}, not ${JSON.stringify(tag)}`);
      return;
    }
    for (const key in tag) if (key !== 'name' && key !== 'color') ignore([...path, key], `unknown field "${key}" in a tag (known: name, color)`);
  });
}
