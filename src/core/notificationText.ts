/**
 * Other people's text (a value from team.json, a note, a quote, an evidence string, a file name from
 * the workspace) made inert before it goes into a notification. VS Code turns `[label](command:…)`,
 * `[label](https://…)` and `[label](file:…)` in a message into a link, and opens a clicked one with
 * commands allowed: any command would run, with any arguments. Pure: no editor types.
 */
import { CONTROL_CHARACTERS } from './controlCharacters';
import { shortenQuote } from './sidebar/text';

/** How many characters of one value a message shows; a longer value is cut and ends in "…". */
export const NOTIFICATION_VALUE_LENGTH = 120;

/** For one problem of a file (which quotes the file's text) among the few a message lists. */
export const NOTIFICATION_PROBLEM_LENGTH = 200;

/** For a whole message built elsewhere (an error's text): VS Code cuts messages at 1,000 characters. */
export const NOTIFICATION_MESSAGE_LENGTH = 600;

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * A value as a notification may show it: on one line, at most `maxLength` characters, controls shown
 * as "\uFFFD", and never part of a link. A link needs `](` with nothing between: a zero-width space
 * follows every `]` and goes before a leading `(`, so that neither the value alone nor the value with
 * the message's text around it can form one. Applying it twice changes nothing more.
 */
export function inertNotificationText(text: string, maxLength = NOTIFICATION_VALUE_LENGTH): string {
  // The spaces this adds are left out first: they do not count towards the length.
  const plain = text.replace(/\]\u200B/g, ']').replace(/^\u200B\(/, '(');
  const line = shortenQuote(plain.replace(/\s+/g, ' ').replace(CONTROL_CHARACTERS, '\uFFFD'), maxLength);
  return line.replace(/\](?!\u200B)/g, `]${ZERO_WIDTH_SPACE}`).replace(/^\(/, `${ZERO_WIDTH_SPACE}(`);
}

/** The first few of a file's problems for one message, each made inert and cut: "a; b; c". */
export function inertProblems(problems: readonly string[], shown = 3): string {
  return problems.slice(0, shown).map((problem) => inertNotificationText(problem, NOTIFICATION_PROBLEM_LENGTH)).join('; ');
}
