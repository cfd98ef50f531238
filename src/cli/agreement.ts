/** `ai-news-annotator report --agreement [--json]`: how often checkers agree on the claims they both checked. */
import { measureAgreement, roundedAgreement } from '../core/agreement/agreement';
import { agreementSection } from '../core/export/markdownAgreement';
import { withOneFinalNewline } from '../core/export/markdown';
import { type ExportCommand, loadWorkspace, teamWithWarnings } from './export';
import { documentForStdout, forTerminal } from './terminal';

/**
 * Prints the agreement of the workspace's checkers (the annotations selected by `--article` and
 * `--status`), as JSON or as the report's markdown section.
 * @returns The exit code: 0, or 1 when the annotation file cannot be read.
 */
export async function printAgreement(command: ExportCommand, json: boolean): Promise<number> {
  const loaded = await loadWorkspace({ ...command, articles: command.articles ?? [] }, false);
  if ('problems' in loaded) {
    for (const problem of loaded.problems) process.stderr.write(`ai-news-annotator: ${forTerminal(problem)}\n`);
    return 1;
  }
  const team = await teamWithWarnings(command.root);
  const articles = command.articles ? new Set(command.articles) : null;
  const statuses = command.options.statuses ? new Set(command.options.statuses) : null;
  const annotations = loaded.input.annotations.filter((a) => (!articles || articles.has(a.article)) && (!statuses || statuses.has(a.status)));
  const report = measureAgreement(annotations, team);
  process.stdout.write(documentForStdout(json ? `${JSON.stringify(roundedAgreement(report), null, 2)}\n` : withOneFinalNewline(agreementSection(report, team).join('\n'))));
  return 0;
}
