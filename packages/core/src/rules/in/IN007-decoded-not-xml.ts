import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN007 = defineRule({
  meta: {
    code: 'IN007',
    name: 'decoded-not-xml',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The base64 decodes to something that is not XML text',
    facts: [],
    symptoms: ['invalid-base64', 'invalid-saml-response'],
    messages: {
      notXml: {
        message: 'the base64 decodes to text that is not XML (starts `{{preview}}`)',
        help: 'make sure you copied the `SAMLResponse` field and not another form field, cookie or token',
      },
      notUtf8: {
        message: 'the base64 decodes to bytes that are neither UTF-8 text nor a deflated response',
        help: 'make sure you copied the `SAMLResponse` field; if it is encrypted or compressed some other way, the IdP is misconfigured for the POST binding',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN007', {
      'not-xml': (problem) => ({ messageId: 'notXml' as const, data: { preview: problem.preview }, location: ctx.at.input(problem.range) }),
      'not-utf8': (problem) => ({ messageId: 'notUtf8' as const, location: ctx.at.input(problem.range) }),
    });
  },
});
