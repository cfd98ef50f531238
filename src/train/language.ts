/**
 * Trains the language model (`language`): character n-grams of the German and English training
 * splits of data/corpora plus the German seed articles, and measures it on the dev splits, sentence
 * by sentence, next to the function-word cues it replaces.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainLanguageModel, type LanguageModel } from '../core/analysis/languageModel';
import { detectLanguage } from '../core/analysis/language';
import { readClaims, readNer } from './corpora';
import type { Trainer } from './main';

const GERMAN_TRAIN = ['smartdata-train.de', 'mobie-train.de', 'europeana-lft.de', 'europeana-onb.de', 'europeana-sbb.de'];
const ENGLISH_TRAIN = ['crossner-ai-train.en', 'crossner-politics-train.en', 'crossner-science-train.en', 'crossner-music-train.en', 'crossner-literature-train.en', 'wikigold.en', 'wnut17-train.en'];
/** Dev splits: never trained on, so the figures below are held out. */
export const LANGUAGE_DEV = {
  de: ['germeval2014-dev.de', 'mobie-dev.de'],
  en: ['crossner-ai-dev.en', 'crossner-politics-dev.en', 'crossner-science-dev.en', 'crossner-music-dev.en', 'crossner-literature-dev.en', 'wnut17-dev.en', 'uner-en-ewt-dev.en'],
  enClaims: ['claimbuster-crowdsourced-dev.en'],
};

function seedTexts(root: string): string[] {
  const dir = join(root, 'seeds');
  try {
    return readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

/** Sentences of each dev split, with how many the model and the function-word cues read wrong. */
export function languageDevReport(model: LanguageModel | null): string[] {
  const lines: string[] = [];
  const sets: [string, 'de' | 'en', string[]][] = [
    ...LANGUAGE_DEV.de.map((f): [string, 'de', string[]] => [f, 'de', readNer(f).map((r) => r.text)]),
    ...LANGUAGE_DEV.en.map((f): [string, 'en', string[]] => [f, 'en', readNer(f).map((r) => r.text)]),
    ...LANGUAGE_DEV.enClaims.map((f): [string, 'en', string[]] => [f, 'en', readClaims(f).map((r) => r.text)]),
  ];
  for (const [file, lang, texts] of sets) {
    const wrongCues = texts.filter((t) => detectLanguage(t) !== lang).length;
    const wrongModel = model ? texts.filter((t) => detectLanguage(t, model) !== lang).length : NaN;
    lines.push(`  ${file.padEnd(34)} ${String(texts.length).padStart(5)} sentences; read as the other language: function words ${String(wrongCues).padStart(4)}, model ${String(wrongModel).padStart(4)}`);
  }
  return lines;
}

export const LANGUAGE_TRAINER: Trainer = {
  name: 'language',
  run(modelsDir: string): void {
    const german = [...GERMAN_TRAIN.flatMap((f) => readNer(f).map((r) => r.text)), ...seedTexts(process.cwd())];
    const english = [...ENGLISH_TRAIN.flatMap((f) => readNer(f).map((r) => r.text)), ...readClaims('claimbuster-groundtruth-train.en').map((r) => r.text)];
    const model = trainLanguageModel(german, english);
    const bytes = model.toBytes();
    writeFileSync(join(modelsDir, 'language.bin'), bytes);
    console.log(`  language.bin: ${german.length} German and ${english.length} English texts, ${(bytes.length / 1e6).toFixed(2)} MB`);
    for (const line of languageDevReport(model)) console.log(line);
  },
};
