import { defineRule } from '../define-rule.js';
import { awsAssertionConsumers } from './_shared.js';

export const MD023 = defineRule({
  meta: {
    code: 'MD023',
    name: 'aws-sp-acs-obsolete',
    family: 'MD',
    stage: 'sp-metadata',
    severity: 'warning',
    summary: 'An AssertionConsumerService of AWS’s SP metadata is the `/static/saml` endpoint current AWS documentation no longer lists',
    facts: ['AWS-RCPT-001'],
    symptoms: [],
    profiles: ['aws'],
    messages: {
      obsolete: {
        message: 'AssertionConsumerService `{{url}}` is the `/static/saml` endpoint, which current AWS documentation no longer lists',
        help: 'use `https://signin.aws.amazon.com/saml` (or a regional `https://{region}.signin.aws.amazon.com/saml`) as the Location, and the same URL in the IdP and in the role trust policy’s `SAML:aud`',
      },
    },
  },
  check(ctx) {
    for (const { element, url, endpoint } of awsAssertionConsumers(ctx)) {
      if (endpoint?.kind !== 'obsolete-static') continue;
      ctx.report({ messageId: 'obsolete', data: { url }, location: ctx.at.attribute(element, 'Location') });
    }
  },
});
