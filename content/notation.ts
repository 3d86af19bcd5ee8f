/**
 * The course's notation: every symbol a chapter defines, with its meaning and
 * the section that defines it. The notation page is built from this list, and
 * tests/content/notation.test.ts checks it against the chapters and the macro
 * file (src/markdown/katex-macros.ts): every macro is explained here, every
 * symbol is written here as its chapter writes it, and every link resolves
 * (the build's link check).
 *
 * A letter can mean different things in different chapters (W is a weight
 * matrix in 1.2 and an image's width in part 2); each meaning gets its own
 * entry, under the chapter that defines it.
 */
export interface NotationEntry {
  /** The symbol in TeX, exactly as the chapter writes it (macros allowed). */
  tex: string;
  /** What it stands for, in a line. */
  meaning: string;
  /** The slug of the chapter that defines it (its file name without .mdx). */
  chapter: string;
  /** The id of the heading under which it is defined. */
  anchor: string;
}

const c11 = "1-1-one-unit-chains";
const c12 = "1-2-jacobians-and-residuals";
const c13 = "1-3-batch-norm-placement";
const c21 = "2-1-wavenet";
const c22 = "2-2-pixelcnn";
const c23 = "2-3-multidimensional-rnn";

export const NOTATION: readonly NotationEntry[] = [
  // 1.1
  { tex: "n", meaning: "the depth: the number of layers of the chain", chapter: c11, anchor: "the-network-and-its-gradient" },
  { tex: "x", meaning: "the chain's scalar input", chapter: c11, anchor: "the-network-and-its-gradient" },
  { tex: "a_l", meaning: "the input of layer l (a₁ = x)", chapter: c11, anchor: "the-network-and-its-gradient" },
  { tex: "\\act", meaning: "the activation of a layer (φ); the sigmoid or tanh in part 1", chapter: c11, anchor: "the-network-and-its-gradient" },
  {
    tex: "f'_n",
    meaning: "the derivative of the depth-n chain with respect to its input: the gradient that vanishes or explodes",
    chapter: c11,
    anchor: "the-network-and-its-gradient",
  },
  {
    tex: "\\abs{w}",
    meaning: "the absolute value (a macro, \\abs, with delimiters that grow)",
    chapter: c11,
    anchor: "the-network-and-its-gradient",
  },
  { tex: "\\sigma(x)", meaning: "the logistic sigmoid, 1/(1 + e^(−x))", chapter: c11, anchor: "sigmoid-a-ceiling-of-14-on-every-factor" },
  {
    tex: "x^*",
    meaning: "the fixed point of the chain, where a layer returns its own input",
    chapter: c11,
    anchor: "the-real-decay-is-faster-than-the-bound",
  },
  { tex: "\\sech^2(x)", meaning: "the squared hyperbolic secant, 1 − tanh²(x): the slope of tanh", chapter: c11, anchor: "tanh-a-ceiling-of-1" },
  {
    tex: "C(x)",
    meaning: "the constant of tanh's power law: n^(3/2)·|f′ₙ(x)| tends to C(x)",
    chapter: c11,
    anchor: "why-the-decay-is-a-power-of-the-depth",
  },
  { tex: "w", meaning: "the weight every layer of the chain shares", chapter: c11, anchor: "other-weights-and-a-bias" },
  { tex: "b", meaning: "the bias every layer of the chain shares", chapter: c11, anchor: "other-weights-and-a-bias" },
  {
    tex: "m",
    meaning: "the multiplier of a fixed point or cycle: the product of the slopes along it",
    chapter: c11,
    anchor: "other-weights-and-a-bias",
  },
  { tex: "p", meaning: "the period of the orbit the chain settles on (1 for a fixed point, 2 for a 2-cycle)", chapter: c11, anchor: "other-weights-and-a-bias" },
  { tex: "w_c", meaning: "the flip weight: below it the sigmoid's fixed point repels", chapter: c11, anchor: "sigmoid" },
  // 1.2
  {
    tex: "M = U \\Sigma V^\\top",
    meaning: "the singular value decomposition: orthogonal U and V, non-negative diagonal Σ",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  { tex: "\\sigma_i", meaning: "the i-th singular value, largest first", chapter: c12, anchor: "what-a-matrix-does-to-a-circle" },
  {
    tex: "\\diag(\\sigma_1, \\sigma_2, \\dots)",
    meaning: "a diagonal matrix with the given entries (a macro, \\diag)",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  {
    tex: "u_i",
    meaning: "the i-th left singular vector: where M sends vᵢ, scaled by σᵢ",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  { tex: "v_i", meaning: "the i-th right singular vector", chapter: c12, anchor: "what-a-matrix-does-to-a-circle" },
  {
    tex: "\\norm{x}",
    meaning: "the Euclidean length of a vector (a macro, \\norm); of a matrix, its largest singular value",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  {
    tex: "\\smax(W)",
    meaning: "the largest singular value of a matrix (a macro, \\smax)",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  {
    tex: "\\smin(I + F)",
    meaning: "the smallest singular value of a matrix (a macro, \\smin)",
    chapter: c12,
    anchor: "what-a-matrix-does-to-a-circle",
  },
  { tex: "x_t", meaning: "the state of the recurrent map at step t, a vector of d numbers", chapter: c12, anchor: "a-recurrent-map-121" },
  { tex: "W", meaning: "the recurrent weight matrix (in part 2, W is an image's width)", chapter: c12, anchor: "a-recurrent-map-121" },
  { tex: "J_t", meaning: "the one-step Jacobian ∂x_{t+1}/∂x_t", chapter: c12, anchor: "the-one-step-jacobian" },
  { tex: "D_t", meaning: "the diagonal matrix of the units' slopes at step t", chapter: c12, anchor: "the-one-step-jacobian" },
  { tex: "\\rho(W)", meaning: "the spectral radius: the largest |eigenvalue|", chapter: c12, anchor: "the-real-decay-is-set-by-the-eigenvalues" },
  { tex: "F", meaning: "the Jacobian of a residual branch; I + F is the Jacobian of the residual step", chapter: c12, anchor: "one-residual-step-122" },
  {
    tex: "\\sigma_{\\text{small}}",
    meaning: "the problem's bound on the small half of F's singular values (the big half: σ_big)",
    chapter: c12,
    anchor: "one-residual-step-122",
  },
  { tex: "L", meaning: "the number of residual layers in a stack (in 1.3, a loss)", chapter: c12, anchor: "do-residual-connections-solve-it-123" },
  // 1.3
  { tex: "x_1, \\dots, x_m", meaning: "one feature's values over a mini-batch of m examples", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\mu", meaning: "the batch mean of a feature", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\sigma^2", meaning: "the batch's biased variance of a feature", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\varepsilon", meaning: "the small constant added to the variance, so that a constant feature does not divide by zero", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "s", meaning: "the batch's standard deviation with ε added, √(σ² + ε)", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\hat x_i", meaning: "the normalised value (xᵢ − μ)/s", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\gamma", meaning: "batch norm's learned scale", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "\\beta", meaning: "batch norm's learned shift", chapter: c13, anchor: "batch-norm-over-a-mini-batch" },
  { tex: "x_l", meaning: "the input of block l + 1 of a residual stack, a whole batch", chapter: c13, anchor: "following-the-gradient-through-each-block" },
  { tex: "N", meaning: "the number of blocks in the stack", chapter: c13, anchor: "following-the-gradient-through-each-block" },
  { tex: "F'_l", meaning: "the Jacobian of the residual branch F at xₗ", chapter: c13, anchor: "following-the-gradient-through-each-block" },
  // 2.1 (and the setup of part 2)
  {
    tex: "t",
    meaning: "the number of variables an autoregressive model orders: a signal's samples, or an image's HW pixels",
    chapter: c21,
    anchor: "one-variable-at-a-time",
  },
  { tex: "H \\times W", meaning: "an image's height and width, in pixels", chapter: c21, anchor: "one-variable-at-a-time" },
  { tex: "x_{<i}", meaning: "the variables before xᵢ in the model's order", chapter: c21, anchor: "one-variable-at-a-time" },
  { tex: "\\mu_i", meaning: "the mean the network predicts for xᵢ from x_{<i}", chapter: c21, anchor: "one-variable-at-a-time" },
  { tex: "s^2", meaning: "the fixed variance of every Gaussian conditional", chapter: c21, anchor: "one-variable-at-a-time" },
  { tex: "d", meaning: "the number of layers (in 1.2, a state's dimension)", chapter: c21, anchor: "layers-channels-and-connections" },
  { tex: "k", meaning: "the number of channels (or units) per position of every layer", chapter: c21, anchor: "layers-channels-and-connections" },
  { tex: "\\delta_l", meaning: "the dilation of layer l: the gap between its two taps", chapter: c21, anchor: "wavenets-causal-convolution" },
  { tex: "h^{(l)}_p", meaning: "the output of layer l at position p (layer 0 is the input)", chapter: c21, anchor: "wavenets-causal-convolution" },
  // 2.2
  { tex: "(\\delta_r, \\delta_c)", meaning: "a kernel tap: the row and column offset of the input it reads", chapter: c22, anchor: "the-setup" },
  { tex: "n_{\\text{tap}}", meaning: "the number of live taps of a kernel (its taps not masked to zero)", chapter: c22, anchor: "connections-221" },
  // 2.3
  {
    tex: "h(i, j) \\in \\mathbb{R}^k",
    meaning: "the MDRNN's hidden state at column i, row j (the chapter then writes (row, column))",
    chapter: c23,
    anchor: "the-model",
  },
  { tex: "W_W", meaning: "the MDRNN's weights from the west neighbour's state (W_N: from the north one)", chapter: c23, anchor: "the-model" },
  { tex: "h_l(r, c)", meaning: "the state of layer l at row r, column c", chapter: c23, anchor: "the-model" },
];
