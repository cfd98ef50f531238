/**
 * `ai-news-annotator export`: writes the workspace's verdicts as a markdown report, CSV, a W3C Web
 * Annotation collection or schema.org ClaimReview JSON-LD. `report` (src/cli/report.ts) shares the
 * loading and options here.
 */
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_ANNOTATION_FILE, isStatusId, STATUSES, type Annotation, type Status } from '../core/store/annotation';
import { parseAnnotationFile } from '../core/store';
import { readAnnotationFileText } from '../core/store/fileIo';
import { listArticles, readArticle } from '../core/workspace';
import {
  baseIriProblem,
  EXPORT_FORMATS,
  renderExport,
  type ExportArticle,
  type ExportFormat,
  type ExportInput,
  type ExportOptions,
} from '../core/export';
import { DEFAULT_MAX_ARTICLE_AGE_DAYS, DEFAULT_MAX_VERIFIED_AGE_DAYS } from '../core/review/reviewState';
import { runCommand, UsageError } from './commandLine';
import { loadTeam } from './team';
import { documentForStdout, forTerminal } from './terminal';
import type { TeamConfig } from '../core/team/team';

const EXPORT_USAGE = `Usage: ai-news-annotator export --format markdown|csv|w3c|claimreview [options]

Writes the verdicts in .ainews/annotations.json in one of these formats:
  markdown      a report per article: verdict counts, annotated claims, unreviewed claims
  csv           one row per annotation (RFC 4180; columns in docs/exports.md)
  w3c           a W3C Web Annotation collection (JSON-LD)
  claimreview   schema.org ClaimReview objects (JSON-LD), one per annotated claim

Options:
  --format F              the format (required)
  --root DIR              the workspace folder (default: the current folder)
  --out FILE              write here instead of to standard output
  --article PATH          only this article, relative to the root (repeatable; default all)
  --status LIST           only these statuses, comma-separated: verified,disputed,outdated,
                          unverifiable,in-progress or a status of .ainews/team.json
  --base-iri IRI          the repository's web address; article and annotation IRIs are made
                          below it (default: urn:ainews: names, which Google does not accept)
  --reviewer NAME         the team or outlet publishing the verdicts
  --max-verified-age N    a verified verdict older than N days needs a re-check (default ${DEFAULT_MAX_VERIFIED_AGE_DAYS})
  --max-article-age N     time-sensitive claims in articles older than N days are marked
                          as possibly outdated in the report (default ${DEFAULT_MAX_ARTICLE_AGE_DAYS})
  -h, --help              show this help

Private notes ("private": true) never appear in any format.
Exit codes: 0 written, 1 an unreadable annotation file or article, 2 a usage error.`;

/** The options shared by `export` and `report`, parsed and checked. */
export interface ExportCommand {
  root: string;
  out?: string;
  articles?: string[];
  options: ExportOptions;
  baseIri?: string;
  reviewer?: string;
}

const COMMON_OPTIONS = {
  root: { type: 'string' },
  article: { type: 'string', multiple: true },
  status: { type: 'string' },
  'base-iri': { type: 'string' },
  reviewer: { type: 'string' },
  'max-verified-age': { type: 'string' },
  'max-article-age': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `export`.
 * @param args The arguments after the subcommand's name.
 * @returns The exit code.
 */
export async function runExport(args: string[]): Promise<number> {
  return runCommand(EXPORT_COMMAND, args, async ({ values }) => {
    const format = parseFormat(values.format);
    const command = parseCommon(values);
    if (values.out !== undefined) command.out = values.out;
    if (format === 'claimreview' && !command.baseIri) {
      process.stderr.write(
        'ai-news-annotator export: note: without --base-iri the ClaimReview url and appearance are urn: names; Google\'s fact-check markup needs http(s) addresses.\n',
      );
    }
    return exportWorkspace(format, command);
  });
}

const EXPORT_COMMAND = { name: 'export', usage: EXPORT_USAGE, options: { ...COMMON_OPTIONS, format: { type: 'string' }, out: { type: 'string' } } } as const;

/** Loads the workspace, renders one format and writes it; prints problems naming the file. */
export async function exportWorkspace(format: ExportFormat, command: ExportCommand): Promise<number> {
  const loaded = await loadWorkspace(command, format === 'markdown');
  if ('problems' in loaded) {
    for (const problem of loaded.problems) process.stderr.write(`ai-news-annotator: ${forTerminal(problem)}\n`);
    return 1;
  }
  const input: ExportInput = { ...loaded.input, team: await teamWithWarnings(command.root) };
  if (command.baseIri) input.baseIri = command.baseIri;
  if (command.reviewer) input.reviewer = command.reviewer;
  const options: ExportOptions = { ...command.options, ...(command.articles ? { articles: loaded.input.articles.map((a) => a.path) } : {}) };
  const output = renderExport(format, input, options);
  if (command.out) {
    try {
      await writeFile(command.out, output, 'utf8');
    } catch (error) {
      process.stderr.write(`ai-news-annotator: cannot write ${command.out}: ${describe(error)}\n`);
      return 1;
    }
  } else {
    process.stdout.write(documentForStdout(output));
  }
  return 0;
}

/**
 * Parses the options `export` and `report` share.
 * @throws UsageError on a value that cannot be used.
 */
export function parseCommon(values: {
  root?: string;
  article?: string[];
  status?: string;
  'base-iri'?: string;
  reviewer?: string;
  'max-verified-age'?: string;
  'max-article-age'?: string;
}): ExportCommand {
  const root = resolve(values.root ?? process.cwd());
  const options: ExportOptions = {};
  if (values.status !== undefined) options.statuses = parseStatuses(values.status);
  if (values['max-verified-age'] !== undefined) options.maxVerifiedAgeDays = parseDays('--max-verified-age', values['max-verified-age']);
  if (values['max-article-age'] !== undefined) options.maxArticleAgeDays = parseDays('--max-article-age', values['max-article-age']);
  const command: ExportCommand = { root, options };
  if (values.article) command.articles = values.article.map((path) => articleArgument(root, path));
  if (values['base-iri'] !== undefined) {
    const problem = baseIriProblem(values['base-iri']);
    if (problem) throw new UsageError(problem);
    command.baseIri = values['base-iri'];
  }
  if (values.reviewer !== undefined) command.reviewer = values.reviewer;
  return command;
}

function parseFormat(value: string | undefined): ExportFormat {
  if (value === undefined) throw new UsageError('--format is required');
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`unknown format '${value}'; use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return value as ExportFormat;
}

function parseStatuses(list: string): Status[] {
  const statuses = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = statuses.filter((s) => !isStatusId(s));
  if (unknown.length > 0 || statuses.length === 0) {
    throw new UsageError(`--status: unknown status '${unknown[0] ?? list}'; use a comma-separated list of ${STATUSES.join(', ')} or your team's status ids`);
  }
  return [...new Set(statuses)] as Status[];
}

function parseDays(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option}: '${value}' is not a whole number of days`);
  return Number(value);
}

/** An --article value as a workspace-relative path with / separators (absolute paths inside the root are accepted). */
function articleArgument(root: string, path: string): string {
  const relativePath = isAbsolute(path) ? relative(root, path) : path;
  return relativePath.split(sep).join('/').replace(/^(\.\/)+/, '');
}

type Loaded = { input: ExportInput } | { problems: string[] };

/**
 * Reads the annotation file and the articles to export: the requested ones, else every annotated
 * one (an unreadable one is a problem), and with `wholeWorkspace` also the workspace's other
 * articles for their unreviewed claims (an unreadable one is skipped with a warning).
 */
export async function loadWorkspace(command: ExportCommand, wholeWorkspace: boolean): Promise<Loaded> {
  const annotations = await readAnnotations(command.root);
  if ('problems' in annotations) return annotations;

  // Articles that must be read: the requested ones, else every annotated one.
  const required = new Set(command.articles ?? annotations.annotations.map((a) => a.article));
  const listed = wholeWorkspace && !command.articles ? await listArticles(command.root) : [];
  const paths = [...new Set([...listed, ...required])].sort();
  const reads = await Promise.all(paths.map((path) => readArticle(command.root, path)));
  const problems: string[] = [];
  const articles: ExportArticle[] = [];
  reads.forEach((read, i) => {
    const where = join(command.root, paths[i]);
    if (read.kind === 'ok') articles.push({ path: paths[i], text: read.text });
    else if (required.has(paths[i])) problems.push(`${where}: ${read.reason}`);
    // A workspace file nobody annotated only adds unreviewed claims: skip it, but say so.
    else process.stderr.write(`ai-news-annotator: skipping ${where}: ${read.reason}\n`);
  });
  return problems.length > 0 ? { problems } : { input: { articles, annotations: annotations.annotations } };
}

/** The workspace's annotations, read through the guarded reader, or the problems naming the file. */
async function readAnnotations(root: string): Promise<{ annotations: Annotation[] } | { problems: string[] }> {
  const path = join(root, DEFAULT_ANNOTATION_FILE);
  let read;
  try {
    read = await readAnnotationFileText(root, DEFAULT_ANNOTATION_FILE);
  } catch (error) {
    return { problems: [`${path}: ${describe(error)}`] };
  }
  if (read.kind === 'refused') return { problems: [read.reason] };
  if (read.kind === 'undecodable') return { problems: [`${path}:${read.line}:${read.column}: not valid UTF-8 here; fix the encoding`] };
  if (read.text === null) return { problems: [`${path}: no annotation file (is --root the workspace folder?)`] };
  const parsed = parseAnnotationFile(read.text);
  switch (parsed.kind) {
    case 'ok':
      return { annotations: parsed.file.annotations };
    case 'newer':
      // Exporting only reads: a newer file whose annotations still read as this version's is fine.
      return parsed.file
        ? { annotations: parsed.file.annotations }
        : { problems: [`${path}: written by a newer version (file version ${parsed.version}); update ai-news-annotator to export it`] };
    case 'invalid':
      return { problems: parsed.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`) };
    case 'conflicted':
      return { problems: [`${path}: contains git conflict markers; resolve the merge (in VS Code or by hand) before exporting`] };
  }
}

/** The workspace's team file; a broken one is named on stderr and the defaults are used, what was ignored is named too. */
export async function teamWithWarnings(root: string): Promise<TeamConfig> {
  const { team, problems, warnings } = await loadTeam(root);
  for (const problem of problems) process.stderr.write(`ai-news-annotator: ${forTerminal(problem)} (using the defaults)\n`);
  for (const warning of warnings) process.stderr.write(`ai-news-annotator: ${forTerminal(warning)} (the rest of the team file applies)\n`);
  return team;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
