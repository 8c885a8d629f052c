import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN013 = defineRule({
  meta: {
    code: 'IN013',
    name: 'post-data-missing',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'A HAR file or SAML-tracer export has the POST to the AWS sign-in endpoint but not its form body',
    facts: [],
    symptoms: [],
    messages: {
      missing: {
        message: 'the {{format}} has this POST to the AWS sign-in endpoint but not its form body',
        help: 'the browser left the body out of the export (some do for large bodies or in a sanitized export): export again with request bodies kept, or copy the `SAMLResponse` from the request’s Payload tab in the Network panel and lint that',
        profiles: { generic: { message: 'the {{format}} has this sign-in POST but not its form body' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN013', {
      'post-data-missing': (problem) => ({
        messageId: 'missing' as const,
        data: { format: problem.format === 'har' ? 'HAR file' : 'SAML-tracer export' },
        location: ctx.at.input(problem.range),
      }),
    });
  },
});
