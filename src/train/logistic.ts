/**
 * Weighted logistic regression on sparse features, trained by stochastic gradient descent with
 * AdaGrad step sizes and L2 regularisation towards a prior (zero unless given), in a fixed order
 * drawn from a seeded generator: the same data and options give the same weights, bit for bit.
 * And Platt scaling, which turns margins into calibrated probabilities.
 */
import { sigmoid, type Platt } from '../core/analysis/claimModel';
import { seededRandom } from '../core/analysis/tagger/train';

export interface Example {
  indices: readonly number[];
  values: readonly number[];
  label: 0 | 1;
  /** How much the example counts (1 for an ordinary one). */
  weight: number;
  /** Which weights this example may move (1), within the options' `trainable`; default all of them. */
  trainable?: Uint8Array;
}

export interface LogisticOptions {
  /** Length of the weight vector. */
  size: number;
  epochs: number;
  learningRate: number;
  /** L2 strength per example seen, pulling each weight towards its prior. */
  l2: number;
  /** Prior weights (default 0), as long as the weights: where the regularisation pulls to, and where training starts. */
  prior?: Float32Array;
  /** Where training starts instead of the prior (a model trained further); the regularisation still pulls towards the prior. */
  start?: Float32Array;
  /** Which weights are trained (1) and which stay as they start (0); default all. */
  trainable?: Uint8Array;
  seed: number;
}

/** The seeded generator the entity tagger's training uses too, so that shuffling is the same on every machine. */
export { seededRandom };

/** Fisher–Yates with a seeded generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function margin(weights: Float32Array, example: Pick<Example, 'indices' | 'values'>): number {
  let z = 0;
  for (let i = 0; i < example.indices.length; i++) z += weights[example.indices[i]] * example.values[i];
  return z;
}

/** Trains the weights. Regularisation is applied lazily, to the weights an example touches. */
export function trainLogistic(examples: readonly Example[], options: LogisticOptions): Float32Array {
  const weights = new Float32Array(options.size);
  const squares = new Float64Array(options.size);
  const prior = options.prior ?? new Float32Array(options.size);
  weights.set(options.start ?? prior);
  const trainable = options.trainable;
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      const error = (sigmoid(margin(weights, example)) - example.label) * example.weight;
      for (let i = 0; i < example.indices.length; i++) {
        const index = example.indices[i];
        if ((trainable && trainable[index] === 0) || (example.trainable && example.trainable[index] === 0)) continue;
        const gradient = error * example.values[i] + options.l2 * (weights[index] - prior[index]);
        squares[index] += gradient * gradient;
        weights[index] -= (options.learningRate * gradient) / Math.sqrt(squares[index] + 1e-8);
      }
    }
  }
  return weights;
}

/**
 * Platt scaling fitted by Newton's method with a backtracking line search (Lin, Lin and Weng, "A
 * note on Platt's probabilistic outputs", 2007) on (margin, label, weight) triples, with Platt's
 * smoothed targets so that a separable set does not drive the slope to infinity. Without the line
 * search a full Newton step from a = 1 can overshoot on a small or separable set and settle on a
 * negative slope.
 */
export function fitPlatt(margins: readonly number[], labels: readonly (0 | 1)[], weights: readonly number[] = margins.map(() => 1)): Platt {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) positives += weights[i];
    else negatives += weights[i];
  }
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const targets = labels.map((label) => (label ? high : low));
  let a = 1;
  let b = 0;
  let loss = plattLoss(margins, targets, weights, a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    // Gradient and Hessian of the weighted cross-entropy in (a, b).
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < margins.length; i++) {
      const p = sigmoid(a * margins[i] + b);
      const w = weights[i];
      const d = (p - targets[i]) * w;
      const h = p * (1 - p) * w;
      ga += d * margins[i];
      gb += d;
      haa += h * margins[i] * margins[i];
      hab += h * margins[i];
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
    // Backtrack until the step lowers the loss enough (Armijo); the full step is tried first.
    const descent = ga * da + gb * db;
    let step = 1;
    while (step >= 1e-10) {
      const next = plattLoss(margins, targets, weights, a - step * da, b - step * db);
      if (next <= loss - 1e-4 * step * descent) {
        a -= step * da;
        b -= step * db;
        loss = next;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

/** The weighted cross-entropy of Platt's sigmoid, computed without overflow: softplus(z) - t z. */
function plattLoss(margins: readonly number[], targets: readonly number[], weights: readonly number[], a: number, b: number): number {
  let loss = 0;
  for (let i = 0; i < margins.length; i++) {
    const z = a * margins[i] + b;
    loss += weights[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - targets[i] * z);
  }
  return loss;
}
