/**
 * VS Code 1.100.3's own parser of links in notification messages and input box prompts
 * (vs/base/common/linkedText.ts, as shipped in workbench.js: `var rcs=/…/gi`). A notification cuts
 * its message at 1,000 characters and turns line breaks into spaces before applying it, and opens a
 * clicked link with commands allowed.
 */
// eslint-disable-next-line no-useless-escape -- copied as VS Code ships it
export const VSCODE_LINK_PATTERN = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** The addresses of the links VS Code would make of a message, after its own preparation of the text. */
export function vscodeLinksIn(message: string): string[] {
  const prepared = (message.length > 1000 ? `${message.slice(0, 1000)}...` : message).replace(/(\r\n|\n|\r)/gm, ' ').trim();
  return [...prepared.matchAll(VSCODE_LINK_PATTERN)].map((match) => match[2]);
}
