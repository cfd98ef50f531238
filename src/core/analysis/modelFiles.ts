/**
 * Reading a claim model file by path, with errors that name the file (the bench and the tests; the
 * analysis reads the shipped models through models.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimModel } from './claimModel';
import { decodeClaimModel, findModelsDir, MODEL_FILES, shippedModels } from './models';

/** models/NAME in the shipped models folder, or null. */
export function findModelFile(name: string, from = __dirname): string | null {
  const dir = findModelsDir(from);
  return dir ? join(dir, name) : null;
}

/** Reads a claim model file. @throws Error naming the file when it is missing or unreadable. */
export function readClaimModel(path: string): ClaimModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the claim model ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return decodeClaimModel(bytes);
  } catch (error) {
    throw new Error(`cannot read the claim model ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The shipped claim model. @throws Error when models/claims.json is not found or not readable. */
export function defaultClaimModel(): ClaimModel {
  const model = shippedModels().claimModel();
  if (!model) throw new Error(`the claim model models/${MODEL_FILES.claims} was not found above ${__dirname}; run npm run train`);
  return model;
}
