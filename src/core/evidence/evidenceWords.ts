/**
 * What Add Evidence and Open Evidence say, worded for the editor: why a typed value is not a web
 * address, how an item is listed, and why an archived copy is not opened. Titles, addresses and file
 * names come from other people: shown as plain text (`$(name)` stays text, not an icon).
 */
import type { L10n } from '../labels/l10n';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../notificationText';
import { escapeIcons } from '../sidebar/text';
import type { Evidence, EvidenceArchive } from '../store/annotation';
import { evidenceListing, webAddressProblem, type ArchivedCopyCheck } from './evidenceChoices';

/** Why a typed value is not a web address, in words; undefined when it is one. */
export function addressProblemMessage(l10n: L10n, value: string): string | undefined {
  switch (webAddressProblem(value)) {
    case 'not-http':
      return l10n.t('Evidence links start with https:// or http://');
    case 'not-an-address':
      return l10n.t('Enter a web address, e.g. https://example.org/source');
  }
  return undefined;
}

/** How an item is listed in the pick: its title or address, and whether a copy is kept. */
export function evidencePickItem(l10n: L10n, item: Evidence): { label: string; description: string; detail: string | undefined; item: Evidence } {
  const { label, detail, archivedOn } = evidenceListing(item);
  return { label: escapeIcons(label), description: archivedOn ? l10n.t('archived {0}', escapeIcons(archivedOn)) : l10n.t('link'), detail: detail && escapeIcons(detail), item };
}

/** The choices of "Archive a copy?" for a web address (shown as text): fetch and keep a copy, or link only. */
export function archiveChoices(l10n: L10n, url: string): { label: string; detail: string; archive: boolean }[] {
  return [
    { label: l10n.t('Archive a copy'), detail: l10n.t('Fetch {0} now and save it in .ainews/evidence, so that the evidence survives when the page changes or goes away', escapeIcons(url)), archive: true },
    { label: l10n.t('Link only'), detail: l10n.t('Nothing is fetched'), archive: false },
  ];
}

/** Why an archived copy is not opened, for an error notification. */
export function archivedCopyRefusal(l10n: L10n, check: Exclude<ArchivedCopyCheck, { kind: 'ok' }>, archive: EvidenceArchive): string {
  switch (check.kind) {
    case 'refused':
      return inertNotificationText(check.message, NOTIFICATION_MESSAGE_LENGTH);
    case 'missing':
      return l10n.t('The archived copy {0} is missing.', inertNotificationText(archive.file));
    case 'misnamed':
      return l10n.t('{0} is not opened: archived copies are files in .ainews/evidence named by their own sha256 (see "ai-news-annotator check").', inertNotificationText(archive.file));
  }
}
