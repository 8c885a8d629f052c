import { bearerRecipients } from '../../saml/response.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { isBlank } from './_shared.js';

export const SAML017 = defineRule({
  meta: {
    code: 'SAML017',
    name: 'destination-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'The Response Destination differs from the bearer Recipient',
    facts: [],
    symptoms: [],
    messages: {
      mismatch: {
        message: 'Response Destination `{{destination}}` differs from the bearer Recipient `{{recipient}}`',
        help: 'both must be the AWS sign-in URL the IdP posts to; set the IdP application’s single sign-on / ACS URL and Recipient URL to the same endpoint (e.g. `https://signin.aws.amazon.com/saml` or the regional one)',
        profiles: { generic: { help: 'both must be the service provider’s ACS URL, where the IdP posts; set the IdP application’s single sign-on / ACS URL and Recipient URL to the same endpoint' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const destination = attribute(view.root, 'Destination');
    // A blank Destination is SAML021's finding.
    if (destination === undefined || isBlank(destination)) return;
    for (const { element, url: recipient } of bearerRecipients(view)) {
      // A missing Recipient is SAML011's finding, not a mismatch.
      if (!recipient.trim() || recipient === destination) continue;
      ctx.report({
        messageId: 'mismatch',
        data: { destination, recipient },
        location: ctx.at.attribute(view.root, 'Destination'),
        labels: [{ location: ctx.at.attribute(element, 'Recipient'), message: 'the bearer Recipient' }],
      });
    }
  },
});
