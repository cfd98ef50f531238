/** What "Set status" offers: the built-in statuses, then the team's own. Pure: the editor labels them. */
import { STATUSES, type Status } from '../store/annotation';
import { isVerdict, type TeamConfig } from './team';

export interface StatusChoice {
  status: Status;
  /** The annotation's status now. */
  current: boolean;
  /** False for a work state (in progress, a team's own non-verdict status). */
  verdict: boolean;
}

/** The built-in statuses, the team's own, and the current one last when the team file no longer defines it (it stays pickable). */
export function statusChoices(current: Status, team: TeamConfig): StatusChoice[] {
  const statuses: Status[] = [...STATUSES, ...team.statuses.map((s) => s.id)];
  if (!statuses.includes(current)) statuses.push(current);
  return statuses.map((status) => ({ status, current: status === current, verdict: isVerdict(team, status) }));
}
