import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN003 = defineRule({
  meta: {
    code: 'IN003',
    name: 'response-truncated',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The base64 SAMLResponse is cut short',
    facts: [],
    symptoms: ['invalid-base64', 'invalid-saml-response'],
    messages: {
      length: {
        message: 'base64 length {{length}} is one more than a multiple of 4, which no whole number of bytes encodes to, so the value is cut short',
        help: 'copy the whole `SAMLResponse` value; log lines and chat tools often cut long values',
      },
      paddedLength: {
        message: 'base64 length {{length}} ends in `=` padding but is not a multiple of 4, so characters are missing',
        help: 'copy the whole `SAMLResponse` value; log lines and chat tools often cut long values',
      },
      xmlIncomplete: {
        message: 'the decoded XML stops before its root element is closed',
        help: 'copy the whole `SAMLResponse` value; if the IdP itself posts it cut short, check its size limits',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN003', {
      truncated: (problem) => ({
        messageId: problem.why !== 'length' ? ('xmlIncomplete' as const) : problem.padded ? ('paddedLength' as const) : ('length' as const),
        data: { length: problem.length },
        location: ctx.at.input(problem.range),
      }),
    });
  },
});
