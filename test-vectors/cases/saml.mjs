// saml vectors: see index.mjs for the case shape.
export const SAML_CASES = [];
