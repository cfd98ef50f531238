/**
 * The sources of the editor's import commands: an address typed or on the clipboard, a saved page,
 * or text copied from a page (its HTML, or plain prose). Light: the editor imports this module into
 * its own bundle; the import itself (importSources.ts) loads with the importer bundle.
 */
import type { L10n } from '../labels/l10n';

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

/** How the progress notification names a source: its address, its path (`shownPath` shortens it), or the clipboard. */
export function importSourceName(l10n: L10n, source: ImportCommandSource, shownPath: (path: string) => string): string {
  switch (source.kind) {
    case 'url':
      return source.url;
    case 'file':
      return shownPath(source.path);
    case 'text':
      return l10n.t('the clipboard');
  }
}
