/**
 * Article HTML → markdown through unified: rehype-parse → sanitising (an allow-list: text
 * structure and http(s)/mailto links only) → rehype-remark → remark-gfm → remark-stringify.
 * Nothing from the page survives as markup or as something that loads: scripts, styles, frames,
 * forms and event handlers are gone; an image becomes a link with its alt text.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { flattenMarkup, MAX_NESTING_DEPTH, measureMarkup } from './markupShape';

/** Elements whose content is dropped with them (never shown as text either). */
const DROPPED_WITH_CONTENT = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'input', 'canvas', 'audio', 'video', 'picture', 'source', 'head', 'title', 'nav', 'aside', 'dialog'];

/** The allow-list: the structure of an article and nothing that runs, loads or hides. */
const ARTICLE_SCHEMA: SanitizeSchema = {
  strip: DROPPED_WITH_CONTENT,
  tagNames: ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
    'a', 'em', 'strong', 'b', 'i', 'u', 'br', 'hr', 'del', 's', 'sup', 'sub', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'q', 'cite', 'abbr', 'mark', 'small', 'span', 'div', 'section', 'article', 'main', 'header', 'time'],
  attributes: { a: ['href'], td: ['align'], th: ['align'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobberPrefix: '',
  ancestors: {},
  required: {},
};

/** The text below a node, in document order (without recursion: a page may nest deeply). */
function textOf(node: ElementContent | RootContent): string {
  const parts: string[] = [];
  const pending: (ElementContent | RootContent)[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'text') parts.push(next.value);
    else if (next.type === 'element') for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]);
  }
  return parts.join('');
}

/** Whether a node holds any text but whitespace (stops at the first such text). */
function hasText(node: ElementContent | RootContent): boolean {
  const pending: (ElementContent | RootContent)[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'text' && next.value.trim() !== '') return true;
    if (next.type === 'element') pending.push(...next.children);
  }
  return false;
}

/** Every element of a tree (and the root), each after its parent, found without recursion. */
function parentsFirst(tree: HastRoot): (HastRoot | Element)[] {
  const order: (HastRoot | Element)[] = [];
  const pending: (HastRoot | Element)[] = [tree];
  for (let next = pending.pop(); next; next = pending.pop()) {
    order.push(next);
    for (const child of next.children) if (child.type === 'element') pending.push(child);
  }
  return order;
}

/** An http(s) address for a link or image target, resolved against the page; null otherwise. */
function safeUrl(value: unknown, base: string | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Before sanitising: images become `[alt](src)` links (or their alt text alone), links get absolute
 * addresses, a link whose address is unsafe keeps its text only, a table's caption goes above it.
 */
function rewriteImagesAndLinks(base: string | undefined) {
  const rewriteChildren = (parent: HastRoot | Element): void => {
    parent.children = parent.children.flatMap((child): (ElementContent | RootContent)[] => {
      if (child.type !== 'element') return [child];
      if (child.tagName === 'img') {
        const alt = typeof child.properties.alt === 'string' ? child.properties.alt.trim() : '';
        const src = safeUrl(child.properties.src, base);
        const label = alt || (src ? 'image' : '');
        if (!label) return [];
        return src ? [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] }] : [{ type: 'text', value: label }];
      }
      if (child.tagName === 'table') {
        // Markdown tables have no caption: it becomes a paragraph above the table.
        const caption = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
        if (caption) {
          child.children = child.children.filter((c) => c !== caption);
          return [{ type: 'element', tagName: 'p', properties: {}, children: caption.children }, child];
        }
      }
      if (child.tagName === 'a') {
        const href = safeUrl(child.properties.href, base);
        if (!href) return child.children; // a link we cannot follow safely keeps its text only
        child.properties = { href };
      }
      return [child];
    }) as typeof parent.children;
  };
  // Children before their parents (the reverse of parents first), as a recursive walk would.
  return () => (tree: HastRoot) => {
    const order = parentsFirst(tree);
    for (let i = order.length - 1; i >= 0; i--) rewriteChildren(order[i]);
  };
}

/** A leading heading that only repeats the title (it is written as the `#` heading instead). */
function dropRepeatedTitle(title: string) {
  const normalised = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  /** Looks at the first child with text: removes it when it is the title's heading, else returns the child to look into. */
  const firstWithText = (parent: HastRoot | Element): Element | undefined => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i];
      if (child.type !== 'element') {
        if (child.type === 'text' && child.value.trim()) return undefined;
        continue;
      }
      if (/^h[1-6]$/.test(child.tagName)) {
        if (normalised(textOf(child)) === normalised(title)) parent.children.splice(i, 1);
        return undefined;
      }
      if (!hasText(child)) continue;
      return child;
    }
    return undefined;
  };
  return () => (tree: HastRoot) => {
    // Down the first element with text, one level at a time, until text or a heading.
    for (let parent: HastRoot | Element | undefined = tree; parent; parent = firstWithText(parent));
  };
}

/**
 * Converts article HTML (a fragment) to markdown.
 * @param html the article's HTML, untrusted
 * @param options.baseUrl resolves relative links; options.title drops a first heading repeating it
 */
export function htmlToMarkdown(html: string, options: { baseUrl?: string; title?: string } = {}): string {
  // unified's parser and tree tools recurse once per level: a deeper fragment is flattened first.
  const bounded = measureMarkup(html).depth > MAX_NESTING_DEPTH ? flattenMarkup(html, MAX_NESTING_DEPTH) : html;
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rewriteImagesAndLinks(options.baseUrl))
    .use(rehypeSanitize, ARTICLE_SCHEMA)
    .use(options.title ? dropRepeatedTitle(options.title) : () => undefined)
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' });
  const markdown = String(processor.processSync(bounded));
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}
