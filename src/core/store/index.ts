/** The annotation store: the file contract, anchoring, merging, and the store that owns a folder's annotations. */
export * from './annotation';
export * from './anchor';
export * from './annotationStore';
export * from './conflictMarkers';
export { Emitter, type Disposable } from './emitter';
export * from './file';
export { readTextIfExists, writeFileAtomic } from './fileIo';
export * from './merge';
export { isIsoDateTime, isValidArticlePath, MAX_CONTEXT_LENGTH, validateAnnotation, validateAnnotationFileValue, type ValidationProblem } from './validate';
export { toArticlePath } from './paths';
