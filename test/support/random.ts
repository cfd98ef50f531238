/** A small deterministic generator (mulberry32): every run of a test or benchmark sees the same data. The trainers use the same one. */
export { seededRandom as random } from '../../src/train/logistic';
