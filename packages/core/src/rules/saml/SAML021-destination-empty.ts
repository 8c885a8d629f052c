import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { isBlank, warningForAws } from './_shared.js';

export const SAML021 = defineRule({
  meta: {
    code: 'SAML021',
    name: 'destination-empty',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response has a Destination attribute with no value',
    facts: [],
    symptoms: [],
    messages: {
      empty: {
        message: 'Response `Destination` is empty',
        help: 'a present Destination must be the URL the response is posted to; set the ACS URL (Single sign-on URL, Reply URL) of the IdP application, or make a custom template omit Destination instead of writing it empty',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const destination = view ? attribute(view.root, 'Destination') : undefined;
    if (!view || destination === undefined || !isBlank(destination)) return;
    ctx.report({ messageId: 'empty', location: ctx.at.attribute(view.root, 'Destination'), severity: warningForAws(ctx.env.profile) });
  },
});
