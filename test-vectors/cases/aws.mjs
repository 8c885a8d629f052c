// aws vectors: see index.mjs for the case shape.
export const AWS_CASES = [];
