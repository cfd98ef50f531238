/**
 * The arguments commands accept from hover links, code actions, tree items, keybindings and tests:
 * plain JSON that may come from anywhere (a command link in a teammate's text too), so each is
 * checked before it is used.
 */
import type { Span } from '../span';

/** Arguments that name a span of an article (hover links, code actions, tests). */
export interface SpanArgs {
  uri?: string;
  start?: number;
  end?: number;
  note?: string;
}

/** Arguments that name an annotation (tree items, hover links, tests). */
export interface AnnotationArgs {
  folder: string;
  id: string;
}

export function isAnnotationArgs(value: unknown): value is AnnotationArgs {
  return typeof value === 'object' && value !== null && typeof (value as AnnotationArgs).folder === 'string' && typeof (value as AnnotationArgs).id === 'string';
}

/** The span that arguments name by their offsets, or undefined. */
export function spanOfArgs(args?: SpanArgs): Span | undefined {
  return typeof args?.start === 'number' && typeof args.end === 'number' ? { start: args.start, end: args.end } : undefined;
}

/** Whether Start Checking was given a span (it then annotates it) rather than an annotation. */
export function namesSpan(args: SpanArgs | AnnotationArgs | undefined): args is SpanArgs {
  return args !== undefined && 'start' in args && typeof args.start === 'number';
}

/** The message of a thrown error (or whatever was thrown). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
