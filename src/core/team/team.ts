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

export type TeamParseResult = { kind: 'ok'; team: TeamConfig } | { kind: 'invalid'; problems: FileProblem[]; team: TeamConfig };

/**
 * Reads `.ainews/team.json`'s text. An invalid file gives its problems (line, column) and the
 * defaults, so that a typo in the team file never stops anyone's work.
 */
export function parseTeamFile(text: string): TeamParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'ok', team: DEFAULT_TEAM };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { kind: 'invalid', problems: [syntaxProblem(body, error)], team: DEFAULT_TEAM };
  }
  const problems = validateTeamValue(value);
  if (problems.length > 0) return { kind: 'invalid', problems: locateProblems(body, problems), team: DEFAULT_TEAM };
  return { kind: 'ok', team: teamFromValue(value as Record<string, unknown>) };
}

function teamFromValue(value: Record<string, unknown>): TeamConfig {
  return {
    statuses: (value.statuses as TeamStatus[] | undefined) ?? [],
    secondReview: (value.secondReview as SecondReview | undefined) ?? DEFAULT_TEAM.secondReview,
    ratingScale: (value.ratingScale as TeamConfig['ratingScale'] | undefined) ?? DEFAULT_TEAM.ratingScale,
    tags: (value.tags as TagStyle[] | undefined) ?? [],
  };
}

const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed team file against its contract (`schemas/team.schema.json`).
 * @returns The problems, each at a JSON path; empty when valid.
 */
export function validateTeamValue(value: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: (string | number)[], message: string, atKey = false) => problems.push({ path, message, ...(atKey ? { atKey } : {}) });
  if (!isObject(value)) {
    add([], `the team file must be a JSON object {"statuses": [...], "secondReview": ..., "ratingScale": ...}, not ${JSON.stringify(value)}`);
    return problems;
  }
  for (const key in value) {
    if (!['statuses', 'secondReview', 'ratingScale', 'tags'].includes(key)) add([key], `unknown field "${key}" (known fields: statuses, secondReview, ratingScale, tags)`, true);
  }
  if ('secondReview' in value && !(SECOND_REVIEW_MODES as readonly unknown[]).includes(value.secondReview)) {
    add(['secondReview'], `must be "required", "optional" or "off", not ${JSON.stringify(value.secondReview)}`);
  }
  const scale = checkScale(value.ratingScale, 'ratingScale' in value, add);
  if ('statuses' in value) {
    if (!Array.isArray(value.statuses)) add(['statuses'], 'must be a list of statuses');
    else checkStatuses(value.statuses, scale, add);
  }
  if ('tags' in value) {
    if (!Array.isArray(value.tags)) add(['tags'], 'must be a list of {"name", "color"}');
    else checkTagStyles(value.tags, add);
  }
  return problems;
}

type Add = (path: (string | number)[], message: string, atKey?: boolean) => void;

function checkScale(scale: unknown, present: boolean, add: Add): { worst: number; best: number } {
  if (!present) return DEFAULT_TEAM.ratingScale;
  const ok = isObject(scale) && Number.isSafeInteger(scale.worst) && Number.isSafeInteger(scale.best) && (scale.worst as number) < (scale.best as number) && Object.keys(scale).every((k) => k === 'worst' || k === 'best');
  if (!ok) {
    add(['ratingScale'], `must be {"worst": n, "best": m} with whole numbers, worst below best, not ${JSON.stringify(scale)}`);
    return DEFAULT_TEAM.ratingScale;
  }
  return scale as { worst: number; best: number };
}

function checkStatuses(statuses: unknown[], scale: { worst: number; best: number }, add: Add): void {
  const seen = new Set<string>();
  statuses.forEach((status, i) => {
    const path = ['statuses', i];
    if (!isObject(status)) {
      add(path, `must be a status {"id", "label": {"en", "de"}, "color", "verdict", "rating"}, not ${JSON.stringify(status)}`);
      return;
    }
    for (const key in status) {
      if (!['id', 'label', 'color', 'verdict', 'rating'].includes(key)) add([...path, key], `unknown field "${key}" in a status (known: id, label, color, verdict, rating)`, true);
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
    if ('label' in status) checkLabel(status.label, [...path, 'label'], add);
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

function checkLabel(label: unknown, path: (string | number)[], add: Add): void {
  if (!isObject(label)) {
    add(path, `must be {"en": "...", "de": "..."}, not ${JSON.stringify(label)}`);
    return;
  }
  for (const key in label) {
    if (key !== 'en' && key !== 'de') add([...path, key], `unknown language "${key}" (labels are "en" and "de")`, true);
    else if (typeof label[key] !== 'string' || (label[key] as string).trim() === '') add([...path, key], 'must be a label that is not empty');
  }
  if (!('en' in label)) add(path, 'is missing "en"');
}

/**
 * Tag colours. A name no tag can have (over 50 characters, two lines) never matches, and a name given
 * twice (in any case) gives way to the first: neither makes the file invalid, so a team file that was
 * valid before keeps its statuses, review rule and members.
 */
function checkTagStyles(tags: unknown[], add: Add): void {
  tags.forEach((tag, i) => {
    const path = ['tags', i];
    if (!isObject(tag) || typeof tag.name !== 'string' || tag.name === '' || typeof tag.color !== 'string' || !COLOR_PATTERN.test(tag.color)) {
      add(path, `must be {"name": "...", "color": "#rrggbb"}, not ${JSON.stringify(tag)}`);
      return;
    }
    for (const key in tag) if (key !== 'name' && key !== 'color') add([...path, key], `unknown field "${key}" in a tag (known: name, color)`, true);
  });
}
