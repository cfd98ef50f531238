/**
 * How the core says something in the user's language without the editor: a `t` with VS Code's
 * signature (`vscode.l10n` fits). Core modules name their parameter `l10n` and call `l10n.t('…')`
 * with a literal message, so that scripts/l10n-extract.mjs finds the strings as it finds the editor's.
 */
export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** Fills `{0}`, `{1}`, … with the arguments, as VS Code does for a message without a translation. */
export function fillPlaceholders(message: string, args: readonly (string | number | boolean)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The messages as written (English): what VS Code shows without a bundle, and what the unit tests read. */
export const englishL10n: L10n = {
  t: (message, ...args) => fillPlaceholders(message, args),
};

