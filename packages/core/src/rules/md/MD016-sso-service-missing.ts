import { NS, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { idpDescriptors } from './_shared.js';

export const MD016 = defineRule({
  meta: {
    code: 'MD016',
    name: 'sso-service-missing',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The IDPSSODescriptor has no SingleSignOnService, which the metadata schema requires',
    facts: [],
    symptoms: [],
    messages: {
      missing: {
        message: '`IDPSSODescriptor` has no `SingleSignOnService`',
        help: 'export the metadata again from the IdP: its `IDPSSODescriptor` lists the IdP’s sign-in URL as `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://…"/>`',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    // AWS sign-in is IdP-initiated and never sends an AuthnRequest; a strict parser still refuses the document.
    const aws = ctx.env.profile === 'aws';
    const notes = aws ? ['AWS sign-in does not use the endpoint (sign-in starts at the IdP), but the metadata schema requires one'] : [];
    for (const descriptor of idpDescriptors(root)) {
      if (childElements(descriptor, NS.md, 'SingleSignOnService').length) continue;
      ctx.report({ messageId: 'missing', location: ctx.at.element(descriptor), notes, severity: aws ? 'warning' : undefined });
    }
  },
});
