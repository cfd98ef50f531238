/**
 * A small strict JSON parser that keeps where every value and key starts.
 *
 * `JSON.parse` is used on the fast path; this parser only runs when something is wrong, so that a
 * syntax error or a schema problem can be reported with a line and a column.
 */

export type JsonNode =
  | { kind: 'object'; start: number; end: number; properties: Map<string, { keyStart: number; value: JsonNode }> }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

/**
 * Deeper nesting is refused: an annotation file needs 5 levels, and a value nested 100,000 levels
 * deep must give a message with a place, not exhaust the stack of a recursive reader.
 */
export const MAX_JSON_DEPTH = 32;

/** A JSON syntax error (or a duplicate key, or nesting beyond {@link MAX_JSON_DEPTH}) at a UTF-16 offset of the text. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses JSON text into a tree of locations. Stricter than JSON.parse: a key twice in one object
 * (JSON.parse keeps the last silently) and nesting deeper than {@link MAX_JSON_DEPTH} are errors.
 * @throws JsonSyntaxError with the offset of the first error.
 */
export function parseJsonTree(text: string): JsonNode {
  const parser = new TreeParser(text);
  parser.skipWhitespace();
  const root = parser.parseValue();
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail('Unexpected content after the end of the JSON value');
  return root;
}

/** Where a path ends in the tree: the value there, or the deepest existing parent when a key is missing. */
export function offsetOfPath(root: JsonNode, path: readonly (string | number)[], preferKey = false): number {
  let node = root;
  for (const step of path) {
    if (node.kind === 'object' && typeof step === 'string') {
      const property = node.properties.get(step);
      if (!property) return node.start;
      if (preferKey && step === path[path.length - 1]) return property.keyStart;
      node = property.value;
    } else if (node.kind === 'array' && typeof step === 'number' && step < node.items.length) {
      node = node.items[step];
    } else {
      return node.start;
    }
  }
  return node.start;
}

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of file' : `'${ch}'`;
}

class TreeParser {
  pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos += 1;
      else break;
    }
  }

  parseValue(): JsonNode {
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (this.depth >= MAX_JSON_DEPTH) this.fail(`Nested deeper than ${MAX_JSON_DEPTH} levels (an annotation file needs 5)`);
      this.depth += 1;
      const node = ch === '{' ? this.parseObject() : this.parseArray();
      this.depth -= 1;
      return node;
    }
    const start = this.pos;
    if (ch === '"') {
      this.parseString();
    } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      this.parseNumber();
    } else if (!this.parseLiteral()) {
      this.fail(`Expected a JSON value but found ${describe(ch)}`);
    }
    return { kind: 'scalar', start, end: this.pos };
  }

  private parseLiteral(): boolean {
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return true;
      }
    }
    return false;
  }

  private parseObject(): JsonNode {
    const start = this.pos;
    const properties = new Map<string, { keyStart: number; value: JsonNode }>();
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return { kind: 'object', start, end: this.pos, properties };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        this.fail(`Expected a property name in double quotes but found ${describe(this.text[this.pos])}`);
      }
      const keyStart = this.pos;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`Expected ':' after the property name "${key}"`);
      this.pos += 1;
      this.skipWhitespace();
      if (properties.has(key)) this.fail(`Duplicate key "${key}" (JSON readers keep only one of them; remove the other)`, keyStart);
      properties.set(key, { keyStart, value: this.parseValue() });
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === '}') return { kind: 'object', start, end: this.pos, properties };
      if (next !== ',') this.fail(`Expected ',' or '}' after the value of "${key}" but found ${describe(next)}`, this.pos - 1);
      this.skipWhitespace();
      if (this.text[this.pos] === '}') this.fail('Trailing comma before \'}\' (JSON does not allow it)', this.pos);
    }
  }

  private parseArray(): JsonNode {
    const start = this.pos;
    const items: JsonNode[] = [];
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return { kind: 'array', start, end: this.pos, items };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.parseValue());
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === ']') return { kind: 'array', start, end: this.pos, items };
      if (next !== ',') this.fail(`Expected ',' or ']' after an array item but found ${describe(next)}`, this.pos - 1);
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('Trailing comma before \']\' (JSON does not allow it)', this.pos);
    }
  }

  private parseString(): string {
    const t = this.text;
    const start = this.pos;
    this.pos += 1;
    for (;;) {
      if (this.pos >= t.length) this.fail('Unterminated string', start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos += 1;
        return JSON.parse(t.slice(start, this.pos)) as string;
      }
      if (c < 0x20) this.fail('Control character in a string (write it as an escape such as \\n)');
      if (c === 0x5c) {
        const e = t[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) this.fail('Invalid \\u escape in a string');
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.pos += 2;
        } else {
          this.fail(`Invalid escape '\\${e ?? ''}' in a string`);
        }
      } else {
        this.pos += 1;
      }
    }
  }

  private parseNumber(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail('Invalid number');
    this.pos += match[0].length;
  }
}
