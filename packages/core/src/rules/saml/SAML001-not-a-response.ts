import type { Rule } from '../../model/rule.js';
import { NS, isMetadataRoot } from '../../xml/dom.js';

export const SAML001: Rule = {
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
    },
  },
  check(ctx) {
    const root = ctx.xml?.root;
    // Metadata is a document samlint reads too; the MD rules take it from here.
    if (!root || (root.namespaceURI === NS.samlp && root.localName === 'Response') || isMetadataRoot(root)) return;
    const found = root.namespaceURI ? `{${root.namespaceURI}}${root.localName}` : (root.localName ?? root.tagName);
    ctx.report({ messageId: 'notResponse', data: { found }, location: ctx.at.element(root) });
  },
};
