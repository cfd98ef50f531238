/**
 * A status in the words of the UI language, from the labels the core already has (built-in statuses
 * in English and German, the team file's own): the editor's trees, hover, threads and commands say
 * exactly what the exports and the team file say.
 */
import { isBuiltInStatus, type Status } from '../store/annotation';
import { DEFAULT_TEAM, describeStatus, type TeamConfig } from '../team/team';

/** The UI language as the team file's labels know it: German for any German locale, else English. */
export function labelLanguage(locale: string): 'en' | 'de' {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** A status as a heading ("Verified", "Umstritten"); a team-defined one by its label with the team file, else by its id (never dropped). */
export function statusHeading(status: Status, language: 'en' | 'de', team: TeamConfig = DEFAULT_TEAM): string {
  return describeStatus(team, status, language).label;
}

/** A status inside a sentence ("Mark verified", "als umstritten markieren"): a built-in one in lower case, a team's as the team wrote it. */
export function statusInSentence(status: Status, language: 'en' | 'de', team: TeamConfig = DEFAULT_TEAM): string {
  const label = statusHeading(status, language, team);
  return isBuiltInStatus(status) ? label.charAt(0).toLocaleLowerCase(language) + label.slice(1) : label;
}
