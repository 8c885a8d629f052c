export { XSD001 } from './XSD001-schema-element-unexpected.js';
export { XSD002 } from './XSD002-schema-element-missing.js';
export { XSD003 } from './XSD003-schema-attribute-missing.js';
export { XSD004 } from './XSD004-schema-attribute-not-allowed.js';
export { XSD005 } from './XSD005-schema-value-invalid.js';
export { XSD006 } from './XSD006-schema-element-unknown.js';
