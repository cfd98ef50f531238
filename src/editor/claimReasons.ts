/**
 * A claim's reasons in the editor's language. The core gives each reason as a signal id with its
 * evidence (ClaimFinding.signals); the English texts here are those of the signal table
 * (src/core/analysis/claimSignals.ts), and a unit test keeps the two in step.
 */
import * as vscode from 'vscode';
import type { ClaimFinding } from '../core/analysis';

type ClaimReason = ClaimFinding['signals'][number];

const REASON_TEXT: Readonly<Record<string, (evidence: string) => string>> = {
  figure: (evidence) => vscode.l10n.t('names a figure ({0})', evidence),
  figureInWords: (evidence) => vscode.l10n.t('names a figure in words ({0})', evidence),
  date: (evidence) => vscode.l10n.t('gives a date ({0})', evidence),
  names: (evidence) => vscode.l10n.t('names {0}', evidence),
  collectiveActor: (evidence) => vscode.l10n.t('names an actor by origin ({0})', evidence),
  unnamedGroup: (evidence) => vscode.l10n.t('says something about a group ({0})', evidence),
  attribution: (evidence) => vscode.l10n.t('attributes to a source ({0})', evidence),
  attributedOpinion: (evidence) => vscode.l10n.t('attributes an opinion ({0})', evidence),
  comparison: (evidence) => vscode.l10n.t('compares or ranks ({0})', evidence),
  event: (evidence) => vscode.l10n.t('reports an event or fact ({0})', evidence),
  eventByPosition: (evidence) => vscode.l10n.t('reports an event or fact ({0})', evidence),
  linkingVerb: (evidence) => vscode.l10n.t('states what something is ({0})', evidence),
  predictionWithFigure: (evidence) => vscode.l10n.t('predicts a figure ({0})', evidence),
  vaguePrediction: (evidence) => vscode.l10n.t('predicts without a figure ({0})', evidence),
  hedge: (evidence) => vscode.l10n.t('hedged ({0})', evidence),
  opinion: (evidence) => vscode.l10n.t('opinion or demand ({0})', evidence),
  evaluative: (evidence) => vscode.l10n.t('evaluative wording ({0})', evidence),
  intensifier: (evidence) => vscode.l10n.t('vague intensifier ({0})', evidence),
  reportedOpinion: (evidence) => vscode.l10n.t('reported opinion ({0})', evidence),
  intention: (evidence) => vscode.l10n.t('intention without a figure ({0})', evidence),
  definition: (evidence) => vscode.l10n.t('definition or background ({0})', evidence),
  addressesReader: (evidence) => vscode.l10n.t('addresses the reader ({0})', evidence),
  firstPersonSingular: (evidence) => vscode.l10n.t('speaks as "I" ({0})', evidence),
  firstPersonPlural: (evidence) => vscode.l10n.t('speaks as "we" ({0})', evidence),
  secondPerson: (evidence) => vscode.l10n.t('speaks to "you" ({0})', evidence),
  narrative: (evidence) => vscode.l10n.t('narrative transition ({0})', evidence),
  previousSentence: (evidence) => vscode.l10n.t('comments on the previous sentence ({0})', evidence),
  aboutArticle: () => vscode.l10n.t('about the article itself'),
  question: () => vscode.l10n.t('a question'),
  headline: () => vscode.l10n.t('a headline or fragment'),
  headlineWithVerb: (evidence) => vscode.l10n.t('a headline that reports ({0})', evidence),
  listIntro: () => vscode.l10n.t('introduces a list'),
  tooShort: () => vscode.l10n.t('too short to assert much'),
  detailed: () => vscode.l10n.t('a long, detailed statement'),
  brief: () => vscode.l10n.t('a brief remark'),
  hyperbole: (evidence) => vscode.l10n.t('exaggerates with a number ({0})', evidence),
  exclamation: () => vscode.l10n.t('an exclamation'),
  link: () => vscode.l10n.t('gives a link'),
  mention: () => vscode.l10n.t('replies to someone (@)'),
};

/** One reason, translated: "nennt eine Zahl ("3 %")", "dagegen: eingeschränkt (könnte)". Evidence is the article's own words. */
export function claimReasonText(reason: ClaimReason): string {
  const translate = REASON_TEXT[reason.signal];
  let text: string;
  if (translate) text = translate(reason.evidence);
  else if (reason.signal === 'wording') {
    text = reason.against ? vscode.l10n.t('wording typical of other sentences ({0})', reason.evidence) : vscode.l10n.t('wording typical of claims ({0})', reason.evidence);
  } else text = reason.signal;
  return reason.against ? vscode.l10n.t('against: {0}', text) : text;
}

/** All reasons of a claim, translated and joined. */
export function claimReasonsText(claim: ClaimFinding, separator: string): string {
  return claim.signals.map(claimReasonText).join(separator);
}
