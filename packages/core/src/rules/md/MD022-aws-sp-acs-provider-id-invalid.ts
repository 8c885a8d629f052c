import { defineRule } from '../define-rule.js';
import { awsAssertionConsumers, malformedProviderId } from './_shared.js';

export const MD022 = defineRule({
  meta: {
    code: 'MD022',
    name: 'aws-sp-acs-provider-id-invalid',
    family: 'MD',
    stage: 'sp-metadata',
    severity: 'error',
    summary: 'The IdP-ID of a `/saml/acs/{IdP-ID}` AssertionConsumerService in AWS’s SP metadata is not 22–64 upper-case letters and digits',
    facts: ['AWS-RCPT-002'],
    symptoms: ['invalid-saml-response', 'not-authorized-assume-role'],
    profiles: ['aws'],
    messages: {
      invalid: {
        message: 'AssertionConsumerService IdP-ID `{{id}}` is not 22–64 upper-case letters and digits',
        help: 'copy the IdP-ID from the IAM SAML provider (its SAMLProviderUUID, shown with encryption settings) or download the provider’s own metadata, `https://{region}.signin.aws.amazon.com/static/saml/{IdP-ID}/saml-metadata.xml`',
      },
      missing: {
        message: 'AssertionConsumerService `{{url}}` has no IdP-ID after `/saml/acs/`',
        help: 'the encrypted-assertion ACS is `https://{region}.signin.aws.amazon.com/saml/acs/{IdP-ID}`: append the IAM SAML provider’s IdP-ID (its SAMLProviderUUID), or use `…/saml` for unencrypted assertions',
      },
    },
  },
  check(ctx) {
    for (const { element, url } of awsAssertionConsumers(ctx)) {
      const id = malformedProviderId(url);
      if (id === undefined) continue;
      const location = ctx.at.attribute(element, 'Location');
      const notes = /^[A-Za-z0-9]{22,64}$/.test(id) ? ['IAM’s IdP-IDs are upper case; AWS compares the ACS exactly'] : [];
      if (id === '') ctx.report({ messageId: 'missing', data: { url }, location });
      else ctx.report({ messageId: 'invalid', data: { id }, location, notes });
    }
  },
});
