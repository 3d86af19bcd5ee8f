// Dense linear algebra on small matrices, for chapters 1.2 and 1.3.

/** A real matrix as an array of rows, all of the same length. Used in chapters 1.2 and 1.3. */
export type Matrix = number[][];
