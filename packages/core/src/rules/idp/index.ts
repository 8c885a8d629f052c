export { IDP001 } from './IDP001-config-value-not-checked.js';
export { IDP002 } from './IDP002-config-signing-off.js';
export { IDP003 } from './IDP003-config-sha1-algorithm.js';
export { IDP004 } from './IDP004-role-session-name-display-name.js';
export { IDP005 } from './IDP005-acs-recipient-mismatch.js';
export { IDP006 } from './IDP006-role-session-name-not-lower-cased.js';
export { IDP007 } from './IDP007-sign-on-mode-not-saml.js';
