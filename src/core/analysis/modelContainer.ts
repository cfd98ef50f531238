/**
 * The binary layout every `.bin` model file shares: a 12-byte preamble (magic number, format
 * version, header length; little-endian uint32 each), a JSON header padded with spaces to a multiple
 * of 4 bytes, then the model's own payload.
 */

/** What a model file's preamble identifies. */
export interface ModelKind {
  magic: number;
  version: number;
  /** For messages, with its article: "an entity tagger model", "a language model". */
  name: string;
}

/**
 * Lays out the preamble and the header; the caller writes its payload from `payloadAt`.
 * @returns the file's bytes (payload still zero), a view on them and where the payload starts.
 */
export function encodeModelContainer(kind: ModelKind, header: unknown, payloadLength: number): { bytes: Uint8Array; view: DataView; payloadAt: number } {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = (json.length + 3) & ~3;
  const bytes = new Uint8Array(12 + padded + payloadLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, kind.magic, true);
  view.setUint32(4, kind.version, true);
  view.setUint32(8, padded, true);
  bytes.set(json, 12);
  bytes.fill(32, 12 + json.length, 12 + padded);
  return { bytes, view, payloadAt: 12 + padded };
}

/**
 * Checks the preamble and reads the header.
 * @throws Error naming the model kind when the magic number or the format version is not this one.
 */
export function decodeModelContainer<H>(bytes: Uint8Array, kind: ModelKind): { header: H; view: DataView; payloadAt: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== kind.magic) throw new Error(`not ${kind.name} (bad magic number)`);
  const version = view.getUint32(4, true);
  if (version !== kind.version) throw new Error(`${kind.name.replace(/^an? /, '')} format ${version}, expected ${kind.version}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as H;
  return { header, view, payloadAt: 12 + headerLength };
}
