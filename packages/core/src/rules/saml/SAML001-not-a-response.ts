import { isMalformedMetadataRoot } from '../../saml/metadata.js';
import { NS, attribute, isMetadataRoot } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const SAML1_PROTOCOL = 'urn:oasis:names:tc:SAML:1.0:protocol';

export const SAML001 = defineRule({
  meta: {
    code: 'SAML001',
    name: 'not-a-response',
    family: 'SAML',
    stage: 'xml',
    severity: 'error',
    summary: 'The root element is not a SAML 2.0 `samlp:Response`',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      notResponse: {
        message: 'root element is `{{found}}`, not a SAML 2.0 `samlp:Response`',
        help: 'AWS accepts only a SAML 2.0 Response posted by the IdP; capture the `SAMLResponse` field of the POST to the AWS sign-in endpoint',
      },
      saml1: {
        message: 'root element is a SAML {{version}} `Response`, not SAML 2.0',
        help: 'AWS and SAML 2.0 service providers accept only SAML 2.0 Responses; configure the IdP application for SAML 2.0 (not SAML 1.1, Shibboleth 1.x or CAS SAML 1.1 validation)',
      },
    },
  },
  check(ctx) {
    const root = ctx.xml?.root;
    if (!root || (root.namespaceURI === NS.samlp && root.localName === 'Response')) return;
    // Metadata is a document samlint reads too; the MD rules take it from here, malformed roots included.
    if (isMetadataRoot(root) || isMalformedMetadataRoot(root)) return;
    if (root.namespaceURI === SAML1_PROTOCOL && root.localName === 'Response') {
      const major = attribute(root, 'MajorVersion') ?? '1';
      const minor = attribute(root, 'MinorVersion');
      ctx.report({ messageId: 'saml1', data: { version: minor === undefined ? `${major}.x` : `${major}.${minor}` }, location: ctx.at.element(root) });
      return;
    }
    const found = root.namespaceURI ? `{${root.namespaceURI}}${root.localName}` : (root.localName ?? root.tagName);
    ctx.report({ messageId: 'notResponse', data: { found }, location: ctx.at.element(root) });
  },
});
