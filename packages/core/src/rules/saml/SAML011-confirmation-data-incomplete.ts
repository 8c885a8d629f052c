import { BEARER } from '../../saml/response.js';
import { NS, attribute, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { isBlank } from './_shared.js';

export const SAML011 = defineRule({
  meta: {
    code: 'SAML011',
    name: 'confirmation-data-incomplete',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The bearer SubjectConfirmationData is missing, or lacks NotOnOrAfter or Recipient',
    facts: ['AWS-SCD-001'],
    symptoms: ['invalid-saml-response', 'not-authorized-assume-role'],
    messages: {
      noData: {
        message: 'bearer `SubjectConfirmation` has no `SubjectConfirmationData`',
        help: 'AWS requires the bearer confirmation to carry `SubjectConfirmationData` with `Recipient` (the AWS sign-in endpoint the IdP posts to) and `NotOnOrAfter`; set the IdP application’s ACS / Recipient URL to the AWS sign-in endpoint',
        profiles: { generic: { help: 'the SAML Web SSO profile requires the bearer confirmation to carry `SubjectConfirmationData` with `Recipient` (the service provider’s ACS URL, where the IdP posts) and `NotOnOrAfter`; set the IdP application’s ACS / Recipient URL' } },
      },
      noAttribute: {
        message: 'bearer `SubjectConfirmationData` has no `{{attribute}}`',
        help: 'AWS requires both `Recipient` (the AWS sign-in endpoint, e.g. `https://signin.aws.amazon.com/saml`, set as the IdP app’s ACS / Recipient URL) and `NotOnOrAfter` (the IdP’s assertion lifetime) on the bearer SubjectConfirmationData',
        profiles: { generic: { help: 'the SAML Web SSO profile requires both `Recipient` (the service provider’s ACS URL, set as the IdP app’s ACS / Recipient URL) and `NotOnOrAfter` (the IdP’s assertion lifetime) on the bearer SubjectConfirmationData' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    for (const confirmation of view.subjectConfirmations) {
      if (attribute(confirmation, 'Method') !== BEARER) continue;
      const data = firstChild(confirmation, NS.saml, 'SubjectConfirmationData');
      if (!data) {
        ctx.report({ messageId: 'noData', location: ctx.at.element(confirmation) });
        continue;
      }
      for (const name of ['NotOnOrAfter', 'Recipient']) {
        if (isBlank(attribute(data, name))) {
          ctx.report({ messageId: 'noAttribute', data: { attribute: name }, location: ctx.at.attribute(data, name) });
        }
      }
    }
  },
});
