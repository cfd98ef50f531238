/** What "Set status" offers: the built-in statuses, then the team's own, labelled in the UI language. */
import type { Words } from '../labels/words';
import { escapeIcons } from '../sidebar/text';
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

/** The choices as quick pick items: a team's status names come from other people (`$(name)` stays text). */
export function statusPickItems(words: Words, current: Status, team: TeamConfig): { label: string; status: Status; picked: boolean; description: string | undefined }[] {
  const { l10n } = words;
  return statusChoices(current, team).map((choice) => ({
    label: escapeIcons(words.groupLabel(choice.status, team)),
    status: choice.status,
    picked: choice.current,
    description: choice.current ? l10n.t('current') : choice.verdict ? undefined : l10n.t('work state, not a verdict'),
  }));
}
