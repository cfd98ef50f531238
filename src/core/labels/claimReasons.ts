/**
 * A claim's reasons in the editor's language. The analysis gives each reason as a signal id with its
 * evidence (ClaimFinding.signals); the English texts here are those of the signal table
 * (src/core/analysis/claimSignals.ts), and a unit test keeps the two in step.
 */
import type { ClaimFinding } from '../analysis/types';
import type { L10n } from './l10n';

type ClaimReason = ClaimFinding['signals'][number];

const REASON_TEXT: Readonly<Record<string, (l10n: L10n, evidence: string) => string>> = {
  figure: (l10n, evidence) => l10n.t('names a figure ({0})', evidence),
  figureInWords: (l10n, evidence) => l10n.t('names a figure in words ({0})', evidence),
  date: (l10n, evidence) => l10n.t('gives a date ({0})', evidence),
  names: (l10n, evidence) => l10n.t('names {0}', evidence),
  collectiveActor: (l10n, evidence) => l10n.t('names an actor by origin ({0})', evidence),
  unnamedGroup: (l10n, evidence) => l10n.t('says something about a group ({0})', evidence),
  attribution: (l10n, evidence) => l10n.t('attributes to a source ({0})', evidence),
  attributedOpinion: (l10n, evidence) => l10n.t('attributes an opinion ({0})', evidence),
  comparison: (l10n, evidence) => l10n.t('compares or ranks ({0})', evidence),
  event: (l10n, evidence) => l10n.t('reports an event or fact ({0})', evidence),
  eventByPosition: (l10n, evidence) => l10n.t('reports an event or fact ({0})', evidence),
  linkingVerb: (l10n, evidence) => l10n.t('states what something is ({0})', evidence),
  predictionWithFigure: (l10n, evidence) => l10n.t('predicts a figure ({0})', evidence),
  vaguePrediction: (l10n, evidence) => l10n.t('predicts without a figure ({0})', evidence),
  hedge: (l10n, evidence) => l10n.t('hedged ({0})', evidence),
  opinion: (l10n, evidence) => l10n.t('opinion or demand ({0})', evidence),
  evaluative: (l10n, evidence) => l10n.t('evaluative wording ({0})', evidence),
  intensifier: (l10n, evidence) => l10n.t('vague intensifier ({0})', evidence),
  reportedOpinion: (l10n, evidence) => l10n.t('reported opinion ({0})', evidence),
  intention: (l10n, evidence) => l10n.t('intention without a figure ({0})', evidence),
  definition: (l10n, evidence) => l10n.t('definition or background ({0})', evidence),
  addressesReader: (l10n, evidence) => l10n.t('addresses the reader ({0})', evidence),
  firstPersonSingular: (l10n, evidence) => l10n.t('speaks as "I" ({0})', evidence),
  firstPersonPlural: (l10n, evidence) => l10n.t('speaks as "we" ({0})', evidence),
  secondPerson: (l10n, evidence) => l10n.t('speaks to "you" ({0})', evidence),
  narrative: (l10n, evidence) => l10n.t('narrative transition ({0})', evidence),
  previousSentence: (l10n, evidence) => l10n.t('comments on the previous sentence ({0})', evidence),
  aboutArticle: (l10n) => l10n.t('about the article itself'),
  question: (l10n) => l10n.t('a question'),
  headline: (l10n) => l10n.t('a headline or fragment'),
  headlineWithVerb: (l10n, evidence) => l10n.t('a headline that reports ({0})', evidence),
  listIntro: (l10n) => l10n.t('introduces a list'),
  tooShort: (l10n) => l10n.t('too short to assert much'),
  detailed: (l10n) => l10n.t('a long, detailed statement'),
  brief: (l10n) => l10n.t('a brief remark'),
  hyperbole: (l10n, evidence) => l10n.t('exaggerates with a number ({0})', evidence),
  exclamation: (l10n) => l10n.t('an exclamation'),
  link: (l10n) => l10n.t('gives a link'),
  mention: (l10n) => l10n.t('replies to someone (@)'),
};

/** One reason, translated: "nennt eine Zahl ("3 %")", "dagegen: eingeschränkt (könnte)". Evidence is the article's own words. */
export function claimReasonText(l10n: L10n, reason: ClaimReason): string {
  const translate = REASON_TEXT[reason.signal];
  let text: string;
  if (translate) text = translate(l10n, reason.evidence);
  else if (reason.signal === 'wording') {
    text = reason.against ? l10n.t('wording typical of other sentences ({0})', reason.evidence) : l10n.t('wording typical of claims ({0})', reason.evidence);
  } else text = reason.signal;
  return reason.against ? l10n.t('against: {0}', text) : text;
}
