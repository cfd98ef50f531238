/**
 * The trained models shipped in `models/` next to the bundle (dist/../models for the extension and
 * the CLI, the repository's models/ for the unit tests under out/). Each file is read on first use
 * only and kept: models are immutable. A missing or unreadable file leaves that model out (the
 * engine falls back to its rules) and is reported once in `problems`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Language } from './types';
import { decodeTagger, type TaggerModel } from './tagger/model';
import { decodeLanguageModel, type LanguageModel } from './languageModel';
import { ClaimModel, type ClaimModelFile } from './claimModel';
import { WordIds } from './wordIds';

export const MODEL_FILES = { entitiesDe: 'entities-de.bin', entitiesEn: 'entities-en.bin', language: 'language.bin', claims: 'claims.json' } as const;

/** The models the analysis uses; `null` members are not available. */
export interface Models {
  entityTagger(language: Language): TaggerModel | null;
  languageModel(): LanguageModel | null;
  /** The claim classifier; null: the hand-written rules score claims. */
  claimModel(): ClaimModel | null;
  /** Files that could not be read, with the reason. */
  readonly problems: readonly string[];
  /**
   * The word ids of the analyses made with these models (see WordIds), kept from analysis to
   * analysis like the taggers' memos: what a word's id carries depends on the word alone (and on the
   * lexicon and tagger memo, which it checks), and giving ids afresh for every article cost more than
   * they saved (issue 11, speed part H).
   */
  readonly wordIds: WordIds;
}

/** The `models` folder: `AINEWS_MODELS`, else the nearest `models/` holding a model file above this bundle. */
export function findModelsDir(from: string = __dirname): string | null {
  const override = process.env.AINEWS_MODELS;
  if (override) return override;
  for (let dir = from, depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const candidate = join(dir, 'models');
    if (Object.values(MODEL_FILES).some((file) => existsSync(join(candidate, file)))) return candidate;
    if (dirname(dir) === dir) break;
  }
  return null;
}

/** Models read lazily from `dir` (null: no models, rules only). */
export function modelsIn(dir: string | null): Models {
  const problems: string[] = [];
  const cache = new Map<string, unknown>();
  function load<M>(file: string, decode: (bytes: Uint8Array) => M): M | null {
    if (cache.has(file)) return cache.get(file) as M | null;
    let model: M | null = null;
    if (dir) {
      const path = join(dir, file);
      try {
        if (existsSync(path)) model = decode(readFileSync(path));
        else problems.push(`${path}: missing; using the rules alone`);
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message}; using the rules alone`);
      }
    }
    cache.set(file, model);
    return model;
  }
  return {
    entityTagger: (language) => load(language === 'de' ? MODEL_FILES.entitiesDe : MODEL_FILES.entitiesEn, decodeTagger),
    languageModel: () => load(MODEL_FILES.language, decodeLanguageModel),
    claimModel: () => load(MODEL_FILES.claims, decodeClaimModel),
    problems,
    wordIds: new WordIds(),
  };
}

let shipped: Models | undefined;

/** The models shipped with the extension, read on first use (immutable once read). */
export function shippedModels(): Models {
  shipped ??= modelsIn(findModelsDir());
  return shipped;
}

/** No models: the rules alone (training reads the rules' findings as features). */
export const NO_MODELS: Models = { entityTagger: () => null, languageModel: () => null, claimModel: () => null, problems: [], wordIds: new WordIds() };

/** Models given in memory (training and tests); languages without a tagger use the rules alone. */
export function modelsOf(models: { de?: TaggerModel; en?: TaggerModel; language?: LanguageModel; claims?: ClaimModel }): Models {
  return { entityTagger: (language) => models[language] ?? null, languageModel: () => models.language ?? null, claimModel: () => models.claims ?? null, problems: [], wordIds: new WordIds() };
}

/** A claim model from the bytes of its JSON file. @throws Error when the file is not a claim model. */
export function decodeClaimModel(bytes: Uint8Array): ClaimModel {
  return ClaimModel.fromFile(JSON.parse(new TextDecoder().decode(bytes)) as ClaimModelFile);
}
