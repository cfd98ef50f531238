/**
 * The light bulb's entries, worded: the verdicts on a claim or a selection (time-sensitive wording in
 * an old article suggests "Mark outdated" first, never an automatic verdict), and the corrections of a
 * claim or an entity the detector got wrong. Each runs its command on a span of the article.
 */
import type { Finding } from '../analysis/types';
import type { L10n } from '../labels/l10n';
import type { Span } from '../span';
import { lightBulbVerdicts, type CLAIM_COMMANDS } from './hoverContent';

export interface LightBulbAction {
  title: string;
  command: string;
  target: Span;
  preferred: boolean;
}

const VERDICT_TITLE: Record<(typeof CLAIM_COMMANDS)[number], (l10n: L10n) => string> = {
  'aiNews.markVerified': (l10n) => l10n.t('AI News: Mark verified'),
  'aiNews.markDisputed': (l10n) => l10n.t('AI News: Mark disputed'),
  'aiNews.markOutdated': (l10n) => l10n.t('AI News: Mark outdated'),
};

/** The verdicts on a claim or a selection, in order; `suggestsOutdated` puts the suggestion first. */
export function verdictActions(l10n: L10n, target: Span, suggestsOutdated: boolean): LightBulbAction[] {
  return lightBulbVerdicts(suggestsOutdated).map(({ command, suggested }) => ({
    title: suggested ? l10n.t('AI News: Mark outdated (time-sensitive wording in an old article)') : VERDICT_TITLE[command](l10n),
    command,
    target,
    preferred: suggested,
  }));
}

/** "Not an entity" and "Wrong entity type…" on the entity under the cursor, "Not a claim" on the claim. */
export function feedbackActions(l10n: L10n, findings: readonly Finding[]): LightBulbAction[] {
  const action = (title: string, command: string, target: Span): LightBulbAction => ({ title, command, target, preferred: false });
  const entity = findings.find((f) => f.kind === 'entity');
  const claim = findings.find((f) => f.kind === 'claim');
  return [
    ...(entity ? [action(l10n.t('AI News: Not an entity'), 'aiNews.notAnEntity', entity), action(l10n.t('AI News: Wrong entity type…'), 'aiNews.wrongEntityType', entity)] : []),
    ...(claim ? [action(l10n.t('AI News: Not a claim'), 'aiNews.notAClaim', claim)] : []),
  ];
}
