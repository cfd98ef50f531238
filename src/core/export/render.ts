/** One entry point for every export format: the command line and the editor both render through it. */
import { exportClaimReview } from './claimReview';
import { exportCsv } from './csv';
import { stringifyJsonLd } from './escape';
import type { ExportFormat } from './index';
import { exportMarkdown } from './markdown';
import type { ExportInput, ExportOptions } from './types';
import { exportW3c } from './w3c';

/** File name endings per format, for save dialogs and default output names. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  markdown: 'md',
  csv: 'csv',
  w3c: 'jsonld',
  claimreview: 'jsonld',
};

/**
 * Renders the annotations in one format as the text of a file.
 * @param format markdown, csv, w3c or claimreview.
 * @returns The file's text, ending with a newline for the JSON formats (whose `<`, `>`, `&` are
 *   escaped as `\u003c`, `\u003e`, `\u0026`: see stringifyJsonLd).
 */
export function renderExport(format: ExportFormat, input: ExportInput, options: ExportOptions): string {
  switch (format) {
    case 'markdown':
      return exportMarkdown(input, options);
    case 'csv':
      return exportCsv(input, options);
    case 'w3c':
      return stringifyJsonLd(exportW3c(input, options)) + '\n';
    case 'claimreview':
      return stringifyJsonLd(exportClaimReview(input, options)) + '\n';
  }
}
