import type { QuantityConflict } from '../../src/core/crossref/index';

/** Two articles that give different figures for PwC's estimate: 15,7 Billionen in a.md, 13 Billionen in b.md. */
export const PWC_CONFLICT: QuantityConflict = {
  entity: 'PwC',
  unit: 'usd',
  a: { article: 'a.md', start: 1, end: 5, value: 1.57e13, text: '15,7 Billionen' },
  b: { article: 'b.md', start: 2, end: 6, value: 1.3e13, text: '13 Billionen' },
  difference: 0.17,
};
