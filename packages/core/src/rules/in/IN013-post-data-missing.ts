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
      },
    },
  },
  check(ctx) {
    for (const problem of ctx.capture.problems) {
      if (problem.kind !== 'post-data-missing') continue;
      const format = problem.format === 'har' ? 'HAR file' : 'SAML-tracer export';
      ctx.report({ messageId: 'missing', data: { format }, location: ctx.at.input(problem.range) });
    }
  },
});
