/**
 * The sample articles bundled with the extension (seeds/manifest.json): what the manifest says about
 * each, and how "AI News: Open Seed Article" lists them. Copies go into a folder's `articles/`, where
 * imported articles go too.
 */
import type { L10n } from '../labels/l10n';

/** Where imported articles and copies of seed articles go inside a workspace folder. */
export const ARTICLES_FOLDER = 'articles';

export interface SeedArticle {
  file: string;
  title: string;
  date: string | null;
  language: 'de' | 'en';
  outlet: string | null;
}

/** The articles of the bundled manifest. */
export function parseSeedManifest(text: string): SeedArticle[] {
  return (JSON.parse(text) as { articles: SeedArticle[] }).articles;
}

/** A seed in the pick: its title, date and outlet, and its file. */
export function seedPickItem(l10n: L10n, seed: SeedArticle): { label: string; description: string; detail: string; seed: SeedArticle } {
  return {
    label: seed.title,
    description: [seed.date ?? l10n.t('undated'), seed.outlet ?? l10n.t('unknown outlet')].join(' · '),
    detail: seed.file,
    seed,
  };
}
