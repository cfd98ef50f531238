/**
 * Validates documents against the W3C Web Annotation test suite's MUST assertions (the JSON
 * schemas under test/fixtures/export/w3c-annotation-tests, copied from the W3C's test repository).
 *
 * The suite's schemas are JSON Schema draft-04; ajv 8 speaks draft-07 and later. The only draft-04
 * constructs the suite uses are a root `id` (now `$id`), boolean `exclusiveMinimum` (now a number)
 * and nested `$schema` declarations; they are rewritten as loaded, nothing else is touched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { exportFixtures } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AssertionFailure {
  assertion: string;
  message: string;
  errors: ErrorObject[];
}

function suiteRoot(): string {
  return join(exportFixtures(), 'w3c-annotation-tests');
}

/** Rewrites the suite's draft-04 constructs as draft-07. */
export function toDraft07(schema: Json, isRoot = true): Json {
  if (Array.isArray(schema)) return schema.map((item) => toDraft07(item, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (isRoot && key === 'id' && typeof value === 'string') out.$id = value;
    else out[key] = toDraft07(value, false);
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else if (out[flag] === false) {
      delete out[flag];
    }
  }
  return out;
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** A validator with the suite's definitions loaded; compiles each assertion once. */
export class W3cSuite {
  private readonly ajv: Ajv;

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const definitions = join(suiteRoot(), 'definitions');
    for (const file of readdirSync(definitions).filter((name) => name.endsWith('.json'))) this.ajv.addSchema(toDraft07(readJson(join(definitions, file))) as object);
  }

  /** The assertion files a `.test` file lists (paths relative to the suite's root). */
  assertionsOf(testFile: string): string[] {
    const test = readJson(join(suiteRoot(), testFile)) as { assertions: string[] };
    return test.assertions;
  }

  /**
   * Checks a document against every assertion of a `.test` file.
   * @returns The assertions whose result differs from their `expectedResult`.
   */
  check(testFile: string, document: unknown): AssertionFailure[] {
    const failures: AssertionFailure[] = [];
    for (const assertion of this.assertionsOf(testFile)) {
      const schema = toDraft07(readJson(join(suiteRoot(), assertion))) as { $id: string; expectedResult?: string; errorMessage?: string };
      const validate = this.ajv.getSchema(schema.$id) ?? this.ajv.compile(schema);
      const valid = validate(document) as boolean;
      const expected = (schema.expectedResult ?? 'valid') === 'valid';
      if (valid !== expected) failures.push({ assertion, message: schema.errorMessage ?? '', errors: validate.errors ?? [] });
    }
    return failures;
  }
}

/** A readable summary of failures for assertion messages. */
export function describeFailures(failures: AssertionFailure[]): string {
  return failures
    .map((f) => `${f.assertion}: ${f.message}\n  ${f.errors.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`).join('\n  ')}`)
    .join('\n');
}
