/** The exports: markdown report, CSV, W3C Web Annotation collection and schema.org ClaimReview. */
export { exportMarkdown } from './markdown';
export { exportCsv, CSV_COLUMNS } from './csv';
export { exportW3c, ANNOTATION_CONTEXT } from './w3c';
export type { JsonLd } from './w3c';
export { exportClaimReview, RATING_VALUES } from './claimReview';
export { baseIriProblem, articleIri, annotationIri, collectionIri } from './iri';
export { codePointConverter } from './codePoints';
export type { ExportArticle, ExportInput, ExportOptions, ExportedAnnotation, ExportedArticle } from './types';
export const EXPORT_FORMATS = ['markdown', 'csv', 'w3c', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { renderExport, EXPORT_EXTENSIONS } from './render';
