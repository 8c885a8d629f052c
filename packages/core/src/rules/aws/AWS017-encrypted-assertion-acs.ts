import { destination, recipients } from '../../aws/post-targets.js';
import { defineRule } from '../define-rule.js';

export const AWS017 = defineRule({
  meta: {
    code: 'AWS017',
    name: 'encrypted-assertion-acs',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'An encrypted assertion is not posted to the provider-specific ACS `/saml/acs/{IdP-ID}`',
    facts: ['AWS-RCPT-002'],
    symptoms: ['invalid-saml-response', 'not-authorized-assume-role'],
    messages: {
      notProviderAcs: {
        message: 'the assertion is encrypted but the {{what}} is `{{url}}`, not a provider-specific `/saml/acs/{IdP-ID}` endpoint',
        help: 'with encrypted assertions AWS decrypts at the provider-specific ACS: set the IdP’s ACS URL (and so Destination and Recipient) to `https://{region}.signin.aws.amazon.com/saml/acs/{IdP-ID}`, the IdP-ID shown on the IAM SAML provider, and add that URL to the role trust policy’s `SAML:aud`',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view || view.encryptedAssertions.length === 0) return;
    // Decrypted, the Recipient is readable; otherwise the Destination is the only URL in clear text.
    const target = (view.decrypted ? recipients(view).find((r) => r.url) : undefined) ?? destination(view);
    if (!target || target.endpoint?.kind === 'provider-acs') return;
    const what = target.attribute === 'Recipient' ? 'Recipient' : 'Response Destination';
    ctx.report({ messageId: 'notProviderAcs', data: { what, url: target.url }, location: ctx.at.attribute(target.element, target.attribute) });
  },
});
