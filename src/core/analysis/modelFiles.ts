/**
 * Finds and loads the trained models shipped in models/, next to the bundle that runs: dist/../models
 * for the extension and the CLI, the repository's models/ for the tests under out/. Loaded once, on
 * first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ClaimModel, type ClaimModelFile } from './claimModel';

/** The nearest models/NAME at or above `from`, or null. */
export function findModelFile(name: string, from = __dirname): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'models', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads a claim model file. @throws Error naming the file when it is missing or unreadable. */
export function readClaimModel(path: string): ClaimModel {
  let file: ClaimModelFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ClaimModelFile;
  } catch (error) {
    throw new Error(`cannot read the claim model ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return ClaimModel.fromFile(file);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let shippedClaimModel: ClaimModel | undefined;

/** The shipped claim model, read on first use. @throws Error when models/claims.json is not found above the bundle. */
export function defaultClaimModel(): ClaimModel {
  if (shippedClaimModel) return shippedClaimModel;
  const path = findModelFile('claims.json');
  if (!path) throw new Error(`the claim model models/claims.json was not found above ${__dirname}; run npm run train`);
  shippedClaimModel = readClaimModel(path);
  return shippedClaimModel;
}
