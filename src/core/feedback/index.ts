/** The feedback file: a team's corrections of the detector, honoured by the analysis and exported for retraining. */
export * from './feedback';
export { mergeFeedbackFiles } from './merge';
export { applyFeedback } from './apply';
export { addCorrections, readFeedback, type FeedbackRead } from './feedbackStore';
export { examplesOfArticle, type ArticleExamples, type ClaimRecord, type NerRecord, type NerSpan } from './examples';
