import { defineRule } from '../define-rule.js';
import { awsAssertionConsumers, malformedProviderId } from './_shared.js';

export const MD020 = defineRule({
  meta: {
    code: 'MD020',
    name: 'aws-sp-acs-not-sign-in-endpoint',
    family: 'MD',
    stage: 'sp-metadata',
    severity: 'error',
    summary: 'An AssertionConsumerService of AWS’s SP metadata is not an AWS sign-in SAML endpoint',
    facts: ['AWS-RCPT-001'],
    symptoms: ['invalid-saml-response', 'not-authorized-assume-role'],
    profiles: ['aws'],
    messages: {
      notSignIn: {
        message: 'AssertionConsumerService `{{url}}` is not an AWS sign-in SAML endpoint',
        help: 'the IdP posts its responses to this Location and writes it as Recipient: use `https://signin.aws.amazon.com/saml`, a regional `https://{region}.signin.aws.amazon.com/saml`, or `…/saml/acs/{IdP-ID}` for encrypted assertions, and list the same URL in the role trust policy’s `SAML:aud`',
      },
    },
  },
  check(ctx) {
    for (const { element, url, endpoint } of awsAssertionConsumers(ctx)) {
      // A sign-in host with a malformed `/saml/acs/{IdP-ID}` is MD022's finding.
      if (endpoint || malformedProviderId(url) !== undefined) continue;
      ctx.report({ messageId: 'notSignIn', data: { url }, location: ctx.at.attribute(element, 'Location') });
    }
  },
});
