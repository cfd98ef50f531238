/**
 * What "Resolve Annotation File Conflicts" asks before it writes the merge of an annotation file
 * that git left with conflict markers. The folder's name is shown as plain text.
 */
import type { L10n } from '../labels/l10n';
import { inertNotificationText } from '../notificationText';
import type { ConflictProposal } from './annotationStore';

/** The question before the merge is written: how many annotations each side and the result have. */
export function conflictQuestion(l10n: L10n, folderName: string, proposal: ConflictProposal): string {
  return l10n.t(
    'The annotation file of {0} has git conflict markers. Merged by id: {1} annotations on our side, {2} on theirs, {3} in the result (shown). Write it?',
    inertNotificationText(folderName), String(proposal.oursCount), String(proposal.theirsCount), String(proposal.merged.annotations.length),
  );
}
