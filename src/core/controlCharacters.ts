/**
 * Characters that act on what shows text instead of being shown: C0 (ESC starts the terminal
 * sequences that set the title, the clipboard or links, or clear the screen), DEL, C1 (U+009B is an
 * 8-bit CSI), and the bidirectional marks, embeddings, overrides and isolates (they make text read
 * otherwise than it is). Global: for `String.prototype.replace` only (it resets `lastIndex`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what is matched here
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
