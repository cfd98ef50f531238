/** The analysis engine: plain TypeScript, no editor dependency. */
export type {
  Analysis, ClaimFinding, EntityFinding, EntityType, Finding, FindingKind, Language, NumberFinding, NumberType,
} from './types';
export {
  analyze, IncrementalAnalyzer, analyzeBlock, compareFindings, warmUpEditPath, type AnalyzeOptions, type BlockAnalysis, type OffsetRange, type UpdateOptions,
} from './analyzer';
export { detectLanguage, countLanguageCues, languageFromCues, type LanguageCues } from './language';
export { readArticleDate } from './metadata';
export {
  defaultLexicon, parseLexiconFile, withEntries, ENTITY_TYPES, LEXICON_FILE_VERSION, type Lexicon, type LexiconEntry,
} from './lexicon';
export { splitBlocks, splitLines, looksHardWrapped, type Block, type BlockKind, type ProseBlockSpan } from './blocks';
export { maskProse, type ProseBlock, type Span } from './prose';
export { splitSentences } from './sentences';
export { findNumbers, applyArticleYear, completeDateValue } from './numbers';
export { findEntities, type EntityScan, type LearnedName, type NameCandidate } from './entities';
export { findClaims, sentenceFacts, DEFAULT_CLAIM_THRESHOLD, RULE_SCORER } from './claims';
export { CLAIM_SIGNALS, fireSignals, ruleScore, type ClaimSignal, type FiredSignal, type SentenceFacts } from './claimSignals';
export { ClaimModel, reasonLine, sigmoid, type ClaimReason, type ClaimScorer, type ClaimModelFile, type SparseFeatures } from './claimModel';
export { defaultClaimModel, readClaimModel, findModelFile } from './modelFiles';
export { findTimeSensitive } from './timeSensitive';
export { tokenize, type Token } from './tokens';
export { shippedModels, modelsIn, modelsOf, findModelsDir, NO_MODELS, MODEL_FILES, type Models } from './models';
export { paragraphLanguage, countFunctionWords, PARAGRAPH_MARGIN } from './language';
