export { SAML001 } from './SAML001-not-a-response.js';
