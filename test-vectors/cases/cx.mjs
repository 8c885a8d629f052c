// cx vectors: see index.mjs for the case shape.
export const CX_CASES = [];
