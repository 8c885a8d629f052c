import { NS, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SIG002 = defineRule({
  meta: {
    code: 'SIG002',
    name: 'assertion-unsigned',
    family: 'SIG',
    stage: 'response',
    severity: 'warning',
    summary: 'The Response is signed but the Assertion is not',
    facts: ['AWS-SIG-001'],
    symptoms: ['signature-invalid'],
    messages: {
      unsigned: {
        message: 'the Assertion has no signature of its own; only the Response is signed',
        help: 'set the IdP to sign the Assertion too (Okta: "Assertion Signature: Signed"; Entra ID: "Sign SAML response and assertion"; ADFS: `Set-AdfsRelyingPartyTrust -SamlResponseSignature MessageAndAssertion`): AWS’s SP metadata says WantAssertionsSigned',
        profiles: { generic: { help: 'set the IdP to sign the Assertion too (Okta: "Assertion Signature: Signed"; Entra ID: "Sign SAML response and assertion"; ADFS: `Set-AdfsRelyingPartyTrust -SamlResponseSignature MessageAndAssertion`): a service provider whose metadata says WantAssertionsSigned refuses an Assertion signed only through the Response' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const assertion = view?.assertion;
    if (!view || !assertion) return;
    // The Response's own signature: enveloped in it and naming it. One that sits there but signs a
    // copy elsewhere (XSW1, XSW2) leaves the Response unsigned, which SIG003 and SIG011 report.
    const responseSigned = ctx
      .signatures()
      .some((s) => s.parent === view.root && s.references.some((r) => r.targets.includes(view.root)));
    if (responseSigned && childElements(assertion, NS.ds, 'Signature').length === 0) {
      ctx.report({ messageId: 'unsigned', location: ctx.at.element(assertion) });
    }
  },
});
