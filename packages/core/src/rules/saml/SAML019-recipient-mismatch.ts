import { bearerRecipients } from '../../saml/response.js';
import { defineRule } from '../define-rule.js';
import { isBlank, sameUrl } from './_shared.js';

export const SAML019 = defineRule({
  meta: {
    code: 'SAML019',
    name: 'recipient-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The bearer SubjectConfirmationData Recipient is not the ACS URL given with --acs',
    facts: [],
    symptoms: [],
    needs: ['acs'],
    // AWS014 checks the Recipient against the AWS sign-in endpoints.
    profiles: ['generic'],
    messages: {
      mismatch: {
        message: 'Recipient `{{recipient}}` is not the ACS `{{expected}}`',
        help: 'set the ACS URL (Single sign-on URL, Reply URL, Recipient URL) of the IdP application to the SP’s assertion consumer service exactly as its metadata states it; if the IdP is right, check --acs',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const expected = ctx.env.sp.acs;
    if (!view || expected === undefined) return;
    for (const { element, url: recipient } of bearerRecipients(view)) {
      // A missing Recipient is SAML011's finding.
      if (isBlank(recipient) || sameUrl(recipient, expected)) continue;
      ctx.report({ messageId: 'mismatch', data: { recipient, expected }, location: ctx.at.attribute(element, 'Recipient') });
    }
  },
});
