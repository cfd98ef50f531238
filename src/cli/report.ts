/** `ai-news-annotator report`: the markdown report of the workspace's verdicts, to standard output. */
import { DEFAULT_MAX_ARTICLE_AGE_DAYS, DEFAULT_MAX_VERIFIED_AGE_DAYS } from '../core/review/reviewState';
import { runCommand, UsageError } from './commandLine';
import { exportWorkspace, parseCommon } from './export';
import { printAgreement } from './agreement';

const REPORT_USAGE = `Usage: ai-news-annotator report [options]

Prints the markdown report: per article the verdict counts, each annotated claim with its quote,
status, note, evidence, author and date, then the claims nobody has reviewed yet.
(The same as 'export --format markdown'.)

Options:
  --root DIR              the workspace folder (default: the current folder)
  --article PATH          only this article, relative to the root (repeatable; default all)
  --status LIST           only these statuses, comma-separated: verified,disputed,outdated,
                          unverifiable,in-progress or a status of .ainews/team.json
  --agreement             print only the agreement between checkers: claims with verdicts from
                          two or more people (span overlap IoU >= 0.5), percent agreement,
                          Cohen's kappa per pair, Krippendorff's alpha (nominal), confusion tables
  --json                  with --agreement: {"claims", "percentAgreement", "kappa": {"A|B": k},
                          "alpha", "confusion"} (pairs in alphabetical order; null where undefined)
  --reviewer NAME         the team or outlet publishing the verdicts
  --max-verified-age N    a verified verdict older than N days needs a re-check (default ${DEFAULT_MAX_VERIFIED_AGE_DAYS})
  --max-article-age N     time-sensitive claims in articles older than N days are marked
                          as possibly outdated (default ${DEFAULT_MAX_ARTICLE_AGE_DAYS})
  -h, --help              show this help

Private notes ("private": true) are never printed.
Exit codes: 0 printed, 1 an unreadable annotation file or article, 2 a usage error.`;

/**
 * Runs `report`.
 * @param args The arguments after the subcommand's name.
 * @returns The exit code.
 */
export async function runReport(args: string[]): Promise<number> {
  return runCommand(REPORT_COMMAND, args, async ({ values }) => {
    if (values.json && !values.agreement) throw new UsageError('--json is for --agreement');
    if (values.agreement) return printAgreement(parseCommon(values), values.json === true);
    return exportWorkspace('markdown', parseCommon(values));
  });
}

const REPORT_COMMAND = {
  name: 'report',
  usage: REPORT_USAGE,
  options: {
    root: { type: 'string' },
    article: { type: 'string', multiple: true },
    status: { type: 'string' },
    reviewer: { type: 'string' },
    'max-verified-age': { type: 'string' },
    'max-article-age': { type: 'string' },
    agreement: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
} as const;
