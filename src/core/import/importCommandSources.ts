/**
 * The sources of the editor's import commands: an address typed or on the clipboard, a saved page,
 * or text copied from a page (its HTML, or plain prose). Light: the editor imports this module into
 * its own bundle; the import itself (importSources.ts) loads with the importer bundle.
 */
export type ImportCommandSource = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'text'; text: string };

/** Whether typed or copied text is one http(s) address and nothing else. */
export function isSingleWebAddress(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

/** Text that is an HTML page or fragment rather than prose that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<(p|div|article|section|h[1-6]|ul|ol|table|span|a)[\s>])/i.test(text);
}

/** What the clipboard holds: an address (fetched), else text (HTML extracted, prose kept as it is). */
export function clipboardSource(text: string): ImportCommandSource {
  return isSingleWebAddress(text) ? { kind: 'url', url: text.trim() } : { kind: 'text', text };
}
