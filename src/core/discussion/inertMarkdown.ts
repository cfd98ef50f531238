/**
 * Comment bodies and notes are markdown written by other people and arrive through git: they are
 * shown with their formatting, but nothing in them may act. This rewrites the source so that any
 * markdown renderer shows it inert: links to anything but the web or mail become literal text, raw
 * HTML becomes literal text, and images become plain links (a remote image would load as soon as
 * the thread is shown: a tracking pixel). The editor also renders it untrusted (no command links,
 * no HTML), so this is the second of two walls.
 *
 * Works on the parsed tree's source positions (remark, with GFM like VS Code's renderer), so code
 * spans and code blocks are left exactly as written.
 */
import type { Definition, Image, Link, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Link targets that may stay links: the web and mail. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Without brackets or angle brackets no link, image or HTML can be formed (GFM's bare links are web links). */
const MAY_HOLD_MARKUP = /[[\]<]/;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Whether a link target is a web or mail address (relative ones and other schemes are not). */
export function isSafeTarget(url: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The markdown source of a body, rewritten so that rendering it runs, loads and embeds nothing. */
export function inertMarkdown(body: string): string {
  if (!MAY_HOLD_MARKUP.test(body)) return body;
  const tree = parser.parse(body);
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const replacements: Replacement[] = [];
  visit(tree, body, definitions, false, replacements);
  let result = body;
  for (const r of replacements.sort((a, b) => b.start - a.start)) result = result.slice(0, r.start) + r.text + result.slice(r.end);
  return result;
}

/**
 * The source as literal text: every bracket and angle bracket becomes a character reference, which
 * no markdown parser reads as structure (a backslash escape already there is kept as written).
 */
export function literalText(source: string): string {
  return source.replace(/\\[!-/:-@[-`{-~]|[[\]<>]/g, (m) => (m.length === 2 ? m : `&#${m.charCodeAt(0)};`));
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function sourceOf(node: Nodes, body: string): { start: number; end: number; text: string } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end, text: body.slice(start, end) };
}

/** Web links stay links (in a link already, an image becomes its alt text); everything else is text. */
function imageReplacement(node: Image, insideLink: boolean): string {
  const alt = literalText(node.alt ?? '');
  if (insideLink || !isSafeTarget(node.url)) return alt;
  return `[${alt || literalText(node.url)}](<${new URL(node.url).href}>)`;
}

function isSafeLink(node: Link | Definition): boolean {
  return isSafeTarget(node.url);
}

function visit(node: Nodes, body: string, definitions: Map<string, Definition>, insideLink: boolean, out: Replacement[]): void {
  const source = sourceOf(node, body);
  const replace = (text: string): void => {
    if (source) out.push({ start: source.start, end: source.end, text });
  };
  switch (node.type) {
    case 'html':
      replace(literalText(source?.text ?? ''));
      return;
    case 'image':
      replace(imageReplacement(node, insideLink));
      return;
    case 'imageReference':
      replace(literalText(node.alt ?? ''));
      return;
    case 'definition':
      if (!isSafeLink(node)) replace(literalText(source?.text ?? ''));
      return;
    case 'link':
      if (!isSafeLink(node)) {
        replace(literalText(source?.text ?? ''));
        return;
      }
      break;
    case 'linkReference': {
      const target = definitions.get(node.identifier);
      if (!target || !isSafeLink(target)) {
        replace(literalText(source?.text ?? ''));
        return;
      }
      break;
    }
    case 'text':
      // Literal brackets stay literal for any renderer, however it reads the rest.
      replace(literalText(source?.text ?? ''));
      return;
    default:
      break;
  }
  if ('children' in node) {
    const inLink = insideLink || node.type === 'link' || node.type === 'linkReference';
    for (const child of (node as Root).children) visit(child, body, definitions, inLink, out);
  }
}
