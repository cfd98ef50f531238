/** Human-readable names used by the exports. */
import type { BuiltInStatus, Status } from '../store/annotation';
import { BUILT_IN_LABELS, describeStatus, type TeamConfig } from '../team/team';
import type { WorkflowState } from '../team/workflow';

export const STATUS_LABELS: Readonly<Record<BuiltInStatus, string>> = Object.fromEntries(
  Object.entries(BUILT_IN_LABELS).map(([status, label]) => [status, label.en]),
) as Record<BuiltInStatus, string>;

/** A status's English label: built-in, the team's, or the id of a status no one defines any more. */
export function statusLabel(status: Status, team: TeamConfig): string {
  return describeStatus(team, status).label;
}

export const WORKFLOW_LABELS: Readonly<Record<WorkflowState, string>> = {
  'in-progress': 'In progress',
  'awaiting-review': 'Awaiting review',
  'changes-requested': 'Changes requested',
  final: 'Final',
};

/** Lines of a text: `lineOf(offset)` gives the 1-based line number of a UTF-16 offset. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Collapses runs of whitespace (including line breaks) to single spaces, for one-line display. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
