/**
 * The shape of a page's markup, read without building a DOM: how deep its elements nest and how
 * many there are. Readability (on linkedom), linkedom's own parser and unified's HTML tools all
 * slow down super-linearly with nesting depth or overflow the stack on it (a `<p>` and 1,000 nested
 * `<div>`s, 11 KB, took 40 s to import), so a page is measured first, in one linear pass, and a page
 * nested too deep is flattened before any of them sees it.
 *
 * The tree is modelled the way linkedom builds it, which is htmlparser2's (10.x) tree: void elements
 * and its raw-text elements (script, style, title, textarea, xmp) add no depth, an opening tag
 * closes what htmlparser2's `openImpliesClose` table says (`<p>` by a block that opens inside it,
 * `<li>`/`<td>`/… by a sibling), `/>` closes an element only in SVG or MathML context, a second
 * `<body>` nests like any element, `<!-->` is a whole comment, and an end tag closes the nearest open
 * element of its name. (A browser's parser builds a shallower tree for some of these; what costs
 * time is linkedom's.) An end tag whose element is not among the innermost {@link END_TAG_SEARCH}
 * open ones is ignored, so that the pass stays linear (it then over-estimates the depth, the safe
 * direction).
 */

/**
 * The deepest nesting the import hands to Readability and to unified's HTML tools; deeper pages are
 * flattened to it. Real articles nest 7–14 levels deep, busy news pages a few dozen. Readability's
 * time grows with about the fourth power of the depth (a `<p>` and 250 nested `<div>`s: 0.6–2 s,
 * 500: 8.4 s), so the limit stays well below where that hurts.
 */
export const MAX_NESTING_DEPTH = 128;

/** What {@link measureMarkup} found. */
export interface MarkupShape {
  /** The deepest nesting of elements (an element directly in the page has depth 1). */
  depth: number;
  /** The number of elements. */
  elements: number;
}

/** Elements that never have content (htmlparser2's list). */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag (never markup), as htmlparser2's tokenizer reads them. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** Block elements: they close an open `<p>`, and they separate paragraphs when flattened away. */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'center', 'details', 'dd', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption']);
const P_ONLY = ['p'];
const FORM_TAGS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/**
 * What an opening tag closes while it is the innermost open element: htmlparser2's
 * `openImpliesClose` (`<li>a<li>b` is two items, a `<div>` ends an open `<p>`).
 */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header',
    'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((name): [string, ReadonlySet<string>] => [name, new Set(P_ONLY)]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, ReadonlySet<string>] => [name, new Set(FORM_TAGS)]),
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])], ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])], ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])], ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
]);
/** Elements that start SVG or MathML context, where `<x/>` opens nothing. */
const FOREIGN = new Set(['svg', 'math']);
/** Elements that return to HTML context inside it (htmlparser2's `htmlIntegrationElements`). */
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** How far down the open elements an end tag looks for its element. */
export const END_TAG_SEARCH = 64;

/** One piece of markup, as the scanner reports it (`start`/`end` index the source). */
type Token =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'open'; name: string; start: number; end: number; selfClosing: boolean }
  | { kind: 'close'; name: string; start: number; end: number }
  /** A raw-text element's content and end tag (a script's code, a style sheet). */
  | { kind: 'raw'; start: number; end: number }
  /** A doctype or processing instruction. */
  | { kind: 'declaration'; start: number; end: number }
  | { kind: 'comment'; start: number; end: number };

/** The index after the `>` that ends a tag starting at `from`, minding quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '>') return i + 1;
    if (afterEquals && (c === '"' || c === "'")) quote = c;
    if (c === '=') afterEquals = true;
    else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') afterEquals = false;
  }
  return html.length;
}

/** The index after the end tag `</name` of a raw-text element, or the end of the page. */
function rawTextEnd(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
  pattern.lastIndex = from;
  const found = pattern.exec(html);
  return found ? tagEnd(html, found.index) : html.length;
}

/** Scans markup in one pass, left to right, calling `onToken` for each piece. */
function scanMarkup(html: string, onToken: (token: Token) => void): void {
  const tagName = /[a-zA-Z][^\s/>]*/y;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      onToken({ kind: 'text', start: i, end: html.length });
      return;
    }
    if (lt > i) onToken({ kind: 'text', start: i, end: lt });
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      // The opening dashes may end it too: `<!-->` and `<!--->` are whole (empty) comments.
      const close = html.indexOf('-->', lt + 2);
      i = close < 0 ? html.length : close + 3;
      onToken({ kind: 'comment', start: lt, end: i });
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !/[a-zA-Z]/.test(html[lt + 2] ?? ''))) {
      i = tagEnd(html, lt + 1);
      onToken({ kind: next === '/' ? 'comment' : 'declaration', start: lt, end: i });
      continue;
    }
    const closing = next === '/';
    tagName.lastIndex = lt + (closing ? 2 : 1);
    const name = tagName.exec(html)?.[0].toLowerCase();
    if (!name) {
      // A '<' that opens no tag ("a < b") is text.
      onToken({ kind: 'text', start: lt, end: lt + 1 });
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, tagName.lastIndex);
    if (closing) {
      onToken({ kind: 'close', name, start: lt, end });
      i = end;
      continue;
    }
    onToken({ kind: 'open', name, start: lt, end, selfClosing: html[end - 2] === '/' });
    i = end;
    if (RAW_TEXT.has(name)) {
      const rawEnd = rawTextEnd(html, name, end);
      onToken({ kind: 'raw', start: end, end: rawEnd });
      i = rawEnd;
    }
  }
}

/** The open elements, as an HTML parser would hold them; `apply` says what one token changes. */
class OpenElements {
  readonly names: string[] = [];
  /**
   * Whether `/>` closes an element here (SVG or MathML context), innermost last. Kept as htmlparser2
   * keeps it: pushed when such an element opens, popped by an end tag of that name only.
   */
  private readonly foreignContext: boolean[] = [false];

  /** Closes what opening `name` closes implicitly; returns the names popped, innermost first. */
  closedByOpening(name: string): string[] {
    const popped: string[] = [];
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (!closes) return popped;
    while (this.names.length > 0 && closes.has(this.names[this.names.length - 1])) popped.push(this.pop());
    return popped;
  }

  /**
   * Notes an opening tag (after {@link closedByOpening}) and says whether its element stays open:
   * not void, not raw text (its content was read with it), not self-closed in foreign context.
   */
  opens(name: string, selfClosing: boolean): boolean {
    if (VOID.has(name) || RAW_TEXT.has(name)) return false;
    if (FOREIGN.has(name)) this.foreignContext.push(true);
    else if (HTML_INTEGRATION.has(name)) this.foreignContext.push(false);
    return !(selfClosing && this.foreignContext[this.foreignContext.length - 1] === true);
  }

  push(name: string): void {
    this.names.push(name);
  }

  pop(): string {
    return this.names.pop() ?? '';
  }

  /** The names an end tag closes, innermost first; none when its element is not open near the top. */
  closedByEndTag(name: string): string[] {
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreignContext.pop();
    const lowest = Math.max(0, this.names.length - END_TAG_SEARCH);
    for (let at = this.names.length - 1; at >= lowest; at--) {
      if (this.names[at] !== name) continue;
      const popped: string[] = [];
      while (this.names.length > at) popped.push(this.pop());
      return popped;
    }
    return [];
  }
}

/**
 * Measures a page's nesting depth and element count in one linear pass, without a DOM.
 * @param html the page or a fragment of it, untrusted
 */
export function measureMarkup(html: string): MarkupShape {
  const open = new OpenElements();
  let depth = 0;
  let elements = 0;
  scanMarkup(html, (token) => {
    if (token.kind === 'open') {
      elements++;
      open.closedByOpening(token.name);
      if (!open.opens(token.name, token.selfClosing)) return;
      open.push(token.name);
      depth = Math.max(depth, open.names.length);
    } else if (token.kind === 'close') {
      open.closedByEndTag(token.name);
    }
  });
  return { depth: Math.max(depth, elements > 0 ? 1 : 0), elements };
}

/** Containers whose content may be several paragraphs (a `<p>` inside them is valid). */
const FLOW_CONTAINERS = new Set(['article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'fieldset', 'figure', 'footer', 'header', 'li', 'main', 'nav', 'section', 'td', 'th']);

/**
 * The markup with its nesting cut to `maxDepth` levels: elements deeper than `maxDepth - 1` are
 * unwrapped; their text stays, in paragraphs (at depth `maxDepth`) that a block boundary down there
 * ends; void elements (`<br>`, `<img>`) stay; scripts and styles down there and all comments go.
 * The elements kept get their end tags written out, so that a parser rebuilds this tree. One
 * linear pass.
 * @param html the page or a fragment of it, untrusted
 */
export function flattenMarkup(html: string, maxDepth: number): string {
  const keptDepth = maxDepth - 1;
  const open = new OpenElements();
  const out: string[] = [];
  // A paragraph opened around what was found below the kept depth, inside the element there.
  let flatParagraph = false;
  const openFlatParagraph = (): void => {
    if (flatParagraph || !FLOW_CONTAINERS.has(open.names[keptDepth - 1] ?? '')) return;
    out.push('<p>');
    flatParagraph = true;
  };
  const endFlatParagraph = (): void => {
    if (flatParagraph) out.push('</p>');
    flatParagraph = false;
  };
  /** A block that starts or ends below the kept depth: ends the paragraph there, else keeps words apart. */
  const blockBoundary = (): void => {
    if (flatParagraph) endFlatParagraph();
    else if (out[out.length - 1] !== ' ') out.push(' ');
  };
  /** Writes the end tags of the elements a token closed (`popped` innermost first, from `depth` up). */
  const writeClosed = (popped: string[], depth: number): void => {
    popped.forEach((name, k) => {
      if (depth - k <= keptDepth) {
        endFlatParagraph();
        out.push(`</${name}>`);
      } else if (BLOCK.has(name)) blockBoundary();
    });
  };
  scanMarkup(html, (token) => {
    const depth = open.names.length + 1; // of an element or text that starts here
    if (token.kind === 'text') {
      if (depth > keptDepth && html.slice(token.start, token.end).trim() !== '') openFlatParagraph();
      out.push(html.slice(token.start, token.end));
    } else if (token.kind === 'raw' || token.kind === 'declaration') {
      if (depth <= keptDepth) out.push(html.slice(token.start, token.end));
    } else if (token.kind === 'close') {
      writeClosed(open.closedByEndTag(token.name), depth - 1);
    } else if (token.kind === 'open') {
      writeClosed(open.closedByOpening(token.name), depth - 1);
      const at = open.names.length + 1;
      const staysOpen = open.opens(token.name, token.selfClosing);
      if (at <= keptDepth) {
        endFlatParagraph();
        out.push(html.slice(token.start, token.end));
      } else if (VOID.has(token.name)) {
        openFlatParagraph();
        out.push(html.slice(token.start, token.end));
      } else if (BLOCK.has(token.name)) blockBoundary();
      if (staysOpen) open.push(token.name);
    }
  });
  endFlatParagraph();
  writeClosed([...open.names].reverse(), open.names.length);
  return out.join('');
}
