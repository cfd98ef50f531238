/**
 * `ai-news-annotator check [--json] [--root DIR] [--file PATH]`: resolves every annotation of a
 * workspace against the current article texts, without writing anything. For CI.
 * Exit 0 all found, 1 an annotation is orphaned or the file cannot be used, 2 usage error.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAnnotationFileText } from '../core/store/fileIo';
import { readArticle } from '../core/workspace';
import {
  DEFAULT_ANNOTATION_FILE,
  isValidArticlePath,
  parseAnnotationFile,
  resolveAll,
  type ParseResult,
  sortAnnotations,
  type Annotation,
  type AnchorResolution,
  type AnchorState,
} from '../core/store';
import { parseCommandLine, UsageError } from './commandLine';
import { contentHash } from '../core/review/contentHash';
import { DEFAULT_MAX_VERIFIED_AGE_DAYS, reviewFlags, type ReviewFlag } from '../core/review/reviewState';
import { checkVersion2, hasBrokenArchive, undefinedStatusWarnings, version2Summary } from './checkVersion2';
import { loadTeam } from './team';
import { documentForStdout, forTerminal } from './terminal';

const HELP = `Usage: ai-news-annotator check [--json] [--root DIR] [--file PATH] [--max-verified-age N]

Resolves every annotation of the workspace at DIR against the current article texts
(exact, moved, fuzzy or orphaned) without writing anything.

Options:
  --root DIR    the workspace folder (default: the current directory)
  --file PATH   the annotation file inside DIR (default: ${DEFAULT_ANNOTATION_FILE})
  --json        print {"annotations": [{"id", "article", "state", "start", "end", "text", "review",
                "workflow", "assignee", "evidence"}]} (start, end and text are absent for orphans;
                assignee and evidence when set), in the file's order; "review" lists "needs re-check"
                (reviewBy passed, or verified more than N days ago) and "article changed since
                review" (the article's content hash changed); "workflow" is in-progress,
                awaiting-review, changes-requested or final (rules of .ainews/team.json);
                "evidence" gives each item's archive: {"url", "state", "file"?, "reason"?}, state
                archived, missing, changed or not-archived ("reason": why a copy that is there was
                not read: outside the folder, in .git/, not a regular file, not named
                .ainews/evidence/<its sha256>.<ext>)
  --max-verified-age N
                a verified verdict older than N days needs a re-check (default ${DEFAULT_MAX_VERIFIED_AGE_DAYS})
  --help        show this help

Exit status: 0 every annotation found, 1 an annotation is orphaned, an archived evidence file is
missing or changed, or the annotation file or .ainews/team.json is invalid (a team file with a
field this version ignores, or of a newer version, counts too: the rest of it applies), 2 usage error.
Review flags and evidence without an archived copy are reported; they do not change the exit status.`;

/** Parsed options shared by the store's subcommands. */
export interface CommonOptions {
  root: string;
  file: string;
  json: boolean;
  help: boolean;
  maxVerifiedAgeDays: number;
  /** setup-git's --driver COMMAND, when given. */
  driver?: string;
}

/** Every option the store's subcommands know, in parseArgs's terms. */
const COMMON_OPTIONS = {
  '--json': { json: { type: 'boolean' } },
  '--root': { root: { type: 'string' } },
  '--file': { file: { type: 'string' } },
  '--max-verified-age': { 'max-verified-age': { type: 'string' } },
  '--driver': { driver: { type: 'string' } },
  '--help': { help: { type: 'boolean', short: 'h' } },
} as const;

/**
 * Parses `--root DIR`, `--file PATH`, `--json`, `--help`.
 * @returns The options, or an error message for a usage error.
 */
export function parseCommonOptions(args: readonly string[], allowed: readonly string[]): CommonOptions | { error: string } {
  const options: CommonOptions = { root: '.', file: DEFAULT_ANNOTATION_FILE, json: false, help: false, maxVerifiedAgeDays: DEFAULT_MAX_VERIFIED_AGE_DAYS };
  const known = Object.entries(COMMON_OPTIONS).filter(([name]) => allowed.includes(name)).map(([, option]) => option);
  let values: { json?: boolean; root?: string; file?: string; 'max-verified-age'?: string; driver?: string; help?: boolean };
  try {
    values = parseCommandLine({ options: Object.assign({}, ...known) as Record<string, { type: 'string' | 'boolean' }> }, [...args]).values as typeof values;
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message };
    throw error;
  }
  for (const name of ['root', 'file', 'max-verified-age', 'driver'] as const) {
    if (values[name] === '') return { error: `--${name} needs a value` };
  }
  options.json = values.json === true;
  options.help = values.help === true;
  if (values.root !== undefined) options.root = values.root;
  if (values.file !== undefined) options.file = values.file;
  if (values.driver !== undefined) options.driver = values.driver;
  const maxAge = values['max-verified-age'];
  if (maxAge !== undefined) {
    if (!/^\d+$/.test(maxAge)) return { error: `--max-verified-age: '${maxAge}' is not a whole number of days` };
    options.maxVerifiedAgeDays = Number(maxAge);
  }
  if (!isValidArticlePath(options.file)) return { error: `--file must be a path inside the workspace with '/' separators, not '${options.file}'` };
  return options;
}

/** One line of the report. */
export interface CheckedAnnotation {
  id: string;
  article: string;
  state: AnchorState;
  start?: number;
  end?: number;
  text?: string;
  /** Review flags ("needs re-check", "article changed since review"); empty when the verdict stands. */
  review: ReviewFlag[];
}

/**
 * Reads an article as the editor sees it (UTF-8 without a byte-order mark) through the guarded
 * reader; null when missing or refused (a link out of the workspace, a FIFO, a folder: said on stderr).
 */
async function readCheckedArticle(root: string, article: string, refusals: string[]): Promise<string | null> {
  const read = await readArticle(root, article);
  if (read.kind === 'ok') return read.text;
  if (read.reason !== 'no such file') refusals.push(read.message);
  return null;
}

/**
 * Resolves annotations against the articles under `root`, article by article.
 * @returns One entry per annotation in the file's order; a missing article orphans its annotations.
 */
export async function checkAnnotations(
  root: string,
  annotations: readonly Annotation[],
  review: { now: Date; maxVerifiedAgeDays: number } = { now: new Date(), maxVerifiedAgeDays: DEFAULT_MAX_VERIFIED_AGE_DAYS },
): Promise<{ checked: CheckedAnnotation[]; missingArticles: string[]; refusals: string[] }> {
  const sorted = sortAnnotations(annotations);
  const byArticle = new Map<string, Annotation[]>();
  for (const a of sorted) byArticle.set(a.article, [...(byArticle.get(a.article) ?? []), a]);
  const resolutions = new Map<string, { resolution: AnchorResolution; text: string | null }>();
  const missingArticles: string[] = [];
  const refusals: string[] = [];
  for (const [article, list] of byArticle) {
    const text = await readCheckedArticle(root, article, refusals);
    if (text === null) missingArticles.push(article);
    const results = text === null ? list.map((): AnchorResolution => ({ state: 'orphaned' })) : resolveAll(text, list);
    list.forEach((a, i) => resolutions.set(a.id, { resolution: results[i], text }));
  }
  const hashes = new Map<string, string>();
  const checked = sorted.map((a): CheckedAnnotation => {
    const { resolution, text } = resolutions.get(a.id) as { resolution: AnchorResolution; text: string | null };
    let articleTextHash: string | undefined;
    if (text !== null) {
      articleTextHash = hashes.get(a.article) ?? contentHash(text);
      hashes.set(a.article, articleTextHash);
    }
    const flags = reviewFlags(a, { ...review, ...(text === null ? {} : { articleText: text, articleTextHash }) });
    if (resolution.state === 'orphaned' || text === null) return { id: a.id, article: a.article, state: 'orphaned', review: flags };
    return { id: a.id, article: a.article, state: resolution.state, start: resolution.start, end: resolution.end, text: text.slice(resolution.start, resolution.end), review: flags };
  });
  return { checked, missingArticles, refusals };
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function humanReport(fileName: string, checked: CheckedAnnotation[], missingArticles: string[]): string {
  const counts = new Map<AnchorState, number>();
  for (const c of checked) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  const recheck = checked.filter((c) => c.review.includes('needs re-check')).length;
  const changed = checked.filter((c) => c.review.includes('article changed since review')).length;
  const summary = [
    ...(['exact', 'moved', 'fuzzy', 'orphaned'] as const).map((s) => `${counts.get(s) ?? 0} ${s}`),
    `${recheck} needs re-check`,
    `${changed} article changed since review`,
  ].join(', ');
  const lines = [`${fileName}: ${checked.length} annotation${checked.length === 1 ? '' : 's'}: ${summary}`];
  for (const c of checked) {
    const where = c.start === undefined ? c.article : `${c.article}:${c.start}-${c.end}`;
    const what = c.text === undefined ? (missingArticles.includes(c.article) ? '(article not found)' : '(quote not found)') : `"${shorten(c.text)}"`;
    const flags = c.review.length ? `  [${c.review.join(', ')}]` : '';
    lines.push(`  ${c.state.padEnd(9)} ${c.id}  ${where}  ${what}${flags}`);
  }
  return lines.join('\n');
}

/** Runs `check`; resolves to the exit code. */
export async function runCheck(args: string[]): Promise<number> {
  const options = parseCommonOptions(args, ['--json', '--root', '--file', '--max-verified-age', '--help', '-h']);
  if ('error' in options) {
    process.stderr.write(`ai-news-annotator check: ${options.error}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = resolve(options.root);
  const rootStat = await fs.stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    process.stderr.write(`ai-news-annotator check: --root ${options.root}: no such directory\n`);
    return 2;
  }
  const filePath = join(root, ...options.file.split('/'));
  const read = await readAnnotationFileText(root, options.file);
  if (read.kind === 'refused') {
    process.stderr.write(`ai-news-annotator check: ${read.reason}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify({ annotations: [], problems: [{ file: options.file, line: 1, column: 1, message: read.reason }] }, null, 2)}\n`);
    return 1;
  }
  const text = read.kind === 'read' ? read.text : null;
  const parsed: ParseResult | undefined =
    read.kind === 'undecodable' ? { kind: 'invalid', problems: [{ line: read.line, column: read.column, message: 'not valid UTF-8 here; fix the encoding' }] } : text === null ? undefined : parseAnnotationFile(text);
  if (parsed && parsed.kind !== 'ok') {
    const problems =
      parsed.kind === 'invalid'
        ? parsed.problems.map((p) => ({ file: options.file, line: p.line, column: p.column, message: p.message }))
        : [{ file: options.file, line: 1, column: 1, message: parsed.kind === 'newer' ? `written by a newer version of AI News Annotator (file version ${parsed.version}); update the tool` : 'contains git conflict markers; resolve them (the extension proposes a merge by id) and commit' }];
    for (const p of problems) process.stderr.write(`${filePath}:${p.line}:${p.column}: ${forTerminal(p.message)}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify({ annotations: [], problems }, null, 2)}\n`);
    return 1;
  }
  if (!parsed) process.stderr.write(`ai-news-annotator check: no annotation file at ${filePath}; nothing to check\n`);
  const annotations = parsed?.file.annotations ?? [];
  const { checked, missingArticles, refusals } = await checkAnnotations(root, annotations, { now: new Date(), maxVerifiedAgeDays: options.maxVerifiedAgeDays });
  for (const refusal of refusals) process.stderr.write(`ai-news-annotator check: ${forTerminal(refusal)}; its annotations count as orphaned\n`);
  const { team, problems: teamProblems, warnings: teamWarnings } = await loadTeam(root);
  for (const problem of teamProblems) process.stderr.write(`${forTerminal(problem)} (using the defaults)\n`);
  for (const warning of teamWarnings) process.stderr.write(`${forTerminal(warning)} (the rest of the team file applies)\n`);
  for (const warning of undefinedStatusWarnings(annotations, team)) process.stderr.write(`${filePath}: ${forTerminal(warning)}\n`);
  const version2 = await checkVersion2(root, annotations, team);
  const entries = checked.map((c) => ({ ...c, ...version2.get(c.id) }));
  process.stdout.write(
    options.json ? documentForStdout(`${JSON.stringify({ annotations: entries }, null, 2)}\n`) : forTerminal(`${[humanReport(options.file, checked, missingArticles), ...version2Summary(version2)].join('\n')}\n`),
  );
  return checked.some((c) => c.state === 'orphaned') || hasBrokenArchive(version2.values()) || teamProblems.length + teamWarnings.length > 0 ? 1 : 0;
}
