import { defineRule } from '../define-rule.js';

export const IDP005 = defineRule({
  meta: {
    code: 'IDP005',
    name: 'acs-recipient-mismatch',
    family: 'IDP',
    stage: 'config',
    severity: 'error',
    summary: 'The ACS the IdP posts to is not the Recipient it names',
    facts: ['AWS-RCPT-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      mismatch: {
        message: 'the IdP posts to `{{acs}}` but names `{{recipient}}` as Recipient',
        help: 'set the ACS (Okta `ssoAcsUrl`/`sso_url`) and the Recipient to the same AWS sign-in endpoint, e.g. `https://{region}.signin.aws.amazon.com/saml`: the browser posts the response to the ACS, and AWS checks the Recipient against where it arrived',
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    const { acs, recipient } = app;
    // Readers that derive the Recipient from the ACS (Keycloak) hand the same value twice.
    if (acs.state !== 'known' || recipient.state !== 'known' || acs === recipient) return;
    if (acs.value.trim() === recipient.value.trim()) return;
    ctx.report({
      messageId: 'mismatch',
      data: { acs: acs.value, recipient: recipient.value },
      location: locate(acs.range),
      labels: [{ location: locate(recipient.range), message: 'the Recipient' }],
    });
  },
});
