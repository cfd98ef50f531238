/**
 * The text of each annotation as the file holds it (UTF-8, in pieces where a held thread is copied
 * in), kept by a store from one save to the next, so that a save serialises only the annotations that
 * changed. Keyed by object: the store never changes an annotation in place (a change is a new
 * object), so an object's text never goes stale.
 */
import type { Annotation } from './annotation';
import type { FileBytes } from './fileBytes';

export class AnnotationTexts {
  private readonly byAnnotation = new WeakMap<Annotation, FileBytes>();

  /** The annotation's text as last written, if it was. */
  get(annotation: Annotation): FileBytes | undefined {
    return this.byAnnotation.get(annotation);
  }

  /** Keeps an annotation's text and returns it. */
  remember(annotation: Annotation, text: FileBytes): FileBytes {
    this.byAnnotation.set(annotation, text);
    return text;
  }
}
