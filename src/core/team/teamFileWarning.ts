/**
 * What the editor says about a folder's team file once it is read: its first mistake (the defaults
 * apply until it is fixed), a newer file (what this version understands applies), or the first field
 * it ignored. The positions come from the parser; the messages may quote the file, so they are inert.
 */
import type { L10n } from '../labels/l10n';
import { inertNotificationText, NOTIFICATION_PROBLEM_LENGTH } from '../notificationText';
import type { TeamParseResult } from './team';

/** The warning for a parsed team file, or undefined when there is nothing to say. */
export function teamFileWarning(l10n: L10n, parsed: TeamParseResult): string | undefined {
  if (parsed.kind === 'invalid') {
    const first = parsed.problems[0];
    return l10n.t('line {0}, column {1}: {2} (the defaults apply until it is fixed)', first.line, first.column, inertNotificationText(first.message, NOTIFICATION_PROBLEM_LENGTH));
  }
  if (parsed.newerVersion !== undefined) {
    return l10n.t('written by a newer version of AI News Annotator (team file version {0}); what this version understands applies, update the extension for the rest', inertNotificationText(String(parsed.newerVersion)));
  }
  if (parsed.warnings.length > 0) {
    const first = parsed.warnings[0];
    return l10n.t('line {0}, column {1}: {2} (the rest of the file applies)', first.line, first.column, inertNotificationText(first.message, NOTIFICATION_PROBLEM_LENGTH));
  }
  return undefined;
}
