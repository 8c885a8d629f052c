import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

const NUMBERS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const IN017 = defineRule({
  meta: {
    code: 'IN017',
    name: 'responses-back-to-back',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'One SAMLResponse value holds two SAML Responses one after the other',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      backToBack: {
        message: 'the value holds {{count}} SAML Responses one after the other; samlint lints the first',
        help: 'a login posts one `Response`, and a document has one root element, so the service provider refuses this value as not well-formed: find what joins them (an IdP customisation or a script or proxy that appends a response to the posted value) and capture the login again straight from the browser',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN017', {
      'responses-back-to-back': (problem) => ({
        messageId: 'backToBack' as const,
        data: { count: NUMBERS[problem.count] ?? String(problem.count) },
        location: ctx.at.input(problem.range),
        notes: [`each is a \`${problem.name}\` root element; only the first one's findings are reported`],
      }),
    });
  },
});
