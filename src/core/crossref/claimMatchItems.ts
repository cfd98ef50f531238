/**
 * How Find Claim in Other Articles lists a match: the claim (cut at 120 characters), its article, and
 * the figures and names it shares. Article text and file names come from other people: shown as
 * plain text (`$(name)` stays text, not an icon).
 */
import type { L10n } from '../labels/l10n';
import { escapeIcons } from '../sidebar/text';
import type { ClaimMatch } from './types';

const LABEL_LENGTH = 120;

export function claimMatchItem(l10n: L10n, match: ClaimMatch): { label: string; description: string; detail: string; match: ClaimMatch } {
  return {
    label: escapeIcons(match.text.length > LABEL_LENGTH ? `${match.text.slice(0, LABEL_LENGTH - 1)}…` : match.text),
    description: escapeIcons(match.article),
    detail: escapeIcons([
      match.sharedFigures.length ? l10n.t('same figures: {0}', match.sharedFigures.join(', ')) : '',
      match.sharedEntities.length ? l10n.t('shared names: {0}', match.sharedEntities.join(', ')) : '',
    ].filter(Boolean).join(' · ')),
    match,
  };
}
