import type { Annotation } from '../../src/core/store/annotation';

/** A valid annotation for tests: a verified "Qwen" at the start of articles/a.md; `overrides` change what a test is about. */
export function sampleAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: 'a1',
    article: 'articles/a.md',
    status: 'verified',
    quote: { exact: 'Qwen', prefix: '', suffix: ' 2.5' },
    position: { start: 0, end: 4 },
    note: '',
    created: '2025-01-01T10:00:00.000Z',
    modified: '2025-01-01T10:00:00.000Z',
    author: 'Anna',
    ...overrides,
  };
}
