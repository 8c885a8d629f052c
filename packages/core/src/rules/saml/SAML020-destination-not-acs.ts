import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { isBlank, sameUrl } from './_shared.js';

export const SAML020 = defineRule({
  meta: {
    code: 'SAML020',
    name: 'destination-not-acs',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response Destination is not the ACS URL given with --acs',
    facts: [],
    symptoms: [],
    needs: ['acs'],
    // AWS documents nothing about Destination (facts §6); SAML017 compares it with the Recipient there.
    profiles: ['generic'],
    messages: {
      mismatch: {
        message: 'Response Destination `{{destination}}` is not the ACS `{{expected}}`',
        help: 'the IdP writes its configured ACS URL as Destination; set the ACS URL (Single sign-on URL, Reply URL) of the IdP application to the SP’s assertion consumer service, or check --acs if the response was posted there',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const expected = ctx.env.sp.acs;
    if (!view || expected === undefined) return;
    const destination = attribute(view.root, 'Destination');
    // Destination is optional (SAML core §3.2.2); a blank one is SAML021's finding.
    if (destination === undefined || isBlank(destination) || sameUrl(destination, expected)) return;
    ctx.report({ messageId: 'mismatch', data: { destination, expected }, location: ctx.at.attribute(view.root, 'Destination') });
  },
});
