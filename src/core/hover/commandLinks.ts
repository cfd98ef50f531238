/** Command links the extension builds itself: the only ones its hovers allow to run. */

export const HOVER_COMMANDS = [
  'aiNews.markVerified',
  'aiNews.markDisputed',
  'aiNews.markOutdated',
  'aiNews.setStatus',
  'aiNews.editNote',
  'aiNews.addEvidence',
  'aiNews.openEvidence',
  'aiNews.addTag',
  'aiNews.removeAnnotation',
  'aiNews.startChecking',
  'aiNews.approveVerdict',
  'aiNews.requestChanges',
] as const;

export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/**
 * A markdown link that runs one of the allowed commands with JSON arguments. The arguments carry
 * text from the annotation file (ids, paths): encodeURIComponent leaves parentheses as they are, and
 * a `)` would end the link early, so they are percent-encoded by hand.
 */
export function commandLink(label: string, command: HoverCommand, args: object): string {
  const encoded = encodeURIComponent(JSON.stringify([args])).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label.replace(/[\\[\]]/g, (c) => `\\${c}`)}](command:${command}?${encoded})`;
}
