/** The preset matrices of the chapter 1.2 widgets (the figures' matrix controls list them by label). */

/** Presets of the SVD figure: a rotation, a shear, a rank-one matrix, a reflection, and F and I + F of the 1.2.2 counterexample. */
export const SVD_PRESETS = [
  {
    label: "rotation (53°)",
    value: [
      [0.6, -0.8],
      [0.8, 0.6],
    ],
  },
  {
    label: "shear",
    value: [
      [1, 1],
      [0, 1],
    ],
  },
  {
    label: "rank one",
    value: [
      [1, 2],
      [0.5, 1],
    ],
  },
  {
    label: "reflection",
    value: [
      [0, 1],
      [1, 0],
    ],
  },
  {
    label: "F of 1.2.2",
    value: [
      [0, 0.01],
      [100, 0],
    ],
  },
  {
    label: "I + F of 1.2.2",
    value: [
      [1, 0.01],
      [100, 1],
    ],
  },
];

/** Presets of the residual-step figure: the counterexample, a symmetric F with the same singular values, diag(−1.5, 0), the counterexample with one sign flipped, and a small F. */
export const RESIDUAL_STEP_PRESETS = [
  {
    label: "counterexample",
    value: [
      [0, 0.01],
      [100, 0],
    ],
  },
  {
    label: "symmetric",
    value: [
      [49.995, 50.005],
      [50.005, 49.995],
    ],
  },
  {
    label: "diag(−1.5, 0)",
    value: [
      [-1.5, 0],
      [0, 0],
    ],
  },
  {
    label: "one sign flipped",
    value: [
      [0, -0.01],
      [100, 0],
    ],
  },
  {
    label: "small F",
    value: [
      [0.3, 0.2],
      [-0.1, 0.25],
    ],
  },
];
