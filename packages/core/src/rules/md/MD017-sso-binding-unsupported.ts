import { NS, attribute, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { idpDescriptors } from './_shared.js';

/** The bindings a browser-based SP sends an AuthnRequest with (SAML 2.0 Bindings §3.4, §3.5). */
const BROWSER_BINDINGS = ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'];

export const MD017 = defineRule({
  meta: {
    code: 'MD017',
    name: 'sso-binding-unsupported',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'No SingleSignOnService of the IdP takes the HTTP-Redirect or HTTP-POST binding',
    facts: [],
    symptoms: [],
    // AWS sign-in starts at the IdP and sends no AuthnRequest: the bindings matter to SP-initiated sign-in only.
    profiles: ['generic'],
    messages: {
      noBrowserBinding: {
        message: 'no `SingleSignOnService` takes HTTP-Redirect or HTTP-POST (found {{bindings}})',
        help: 'enable the HTTP-Redirect (or HTTP-POST) binding for the IdP’s SAML application and export the metadata again; a browser-based service provider sends its AuthnRequest with one of them',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    for (const descriptor of idpDescriptors(root)) {
      const services = childElements(descriptor, NS.md, 'SingleSignOnService');
      // No service at all is MD016's finding.
      const first = services[0];
      const bindings = services.map((s) => attribute(s, 'Binding')?.trim() ?? '');
      if (!first || bindings.some((b) => BROWSER_BINDINGS.includes(b))) continue;
      const found = [...new Set(bindings)].map((b) => (b ? `\`${b}\`` : 'no Binding')).join(', ');
      ctx.report({ messageId: 'noBrowserBinding', data: { bindings: found }, location: ctx.at.element(first) });
    }
  },
});
