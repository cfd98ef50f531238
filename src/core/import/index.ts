/** Articles in: web pages and saved HTML imported as clean markdown articles with provenance. */
export { articleFileName, numberedName, seedCopyName, slugify } from './articleFileName';
export { decodePage, ImportRefusal, MAX_PAGE_BYTES } from './decode';
export { extractArticle } from './extractArticle';
export { DEFAULT_TIMEOUT_MS, fetchPage, FetchFailure, MAX_REDIRECTS, parseWebAddress } from './fetchPage';
export { renderFrontMatter, type ArticleProvenance } from './frontMatter';
export { htmlToMarkdown } from './htmlToMarkdown';
export { importPage, importPlainText, type ImportedArticle, type PageSource } from './importPage';
export { importCommandSource, importInput, importSource } from './importSources';
export { importedFileName, isWebAddress, loadCommandSource, loadSource, writeImportedArticle, writeNewFile, type ImportInput } from './loadSources';
export { DEFAULT_EXTRACTION_TIME_LIMIT_MS, defaultWorkerPath, ImportCancelled, importInWorker, type WorkerOptions } from './importInWorker';
export { flattenMarkup, MAX_NESTING_DEPTH, measureMarkup, type MarkupShape } from './markupShape';
export { clipboardSource, isSingleWebAddress, looksLikeHtml, type ImportCommandSource } from './importCommandSources';
