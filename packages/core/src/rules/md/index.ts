export { MD001 } from './MD001-metadata-expired.js';
export { MD002 } from './MD002-entity-id-missing.js';
export { MD003 } from './MD003-entities-descriptor-root.js';
export { MD004 } from './MD004-metadata-root-invalid.js';
export { MD005 } from './MD005-metadata-not-idp.js';
export { MD006 } from './MD006-metadata-entity-id-mismatch.js';
