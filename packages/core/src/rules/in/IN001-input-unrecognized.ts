import { defineRule } from '../define-rule.js';

export const IN001 = defineRule({
  meta: {
    code: 'IN001',
    name: 'input-unrecognized',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The input is empty, too large to read, or not a SAMLResponse, capture file or policy in any form samlint knows',
    facts: [],
    symptoms: ['invalid-base64'],
    messages: {
      empty: {
        message: 'the input is empty',
        help: 'paste the `SAMLResponse` value from the browser POST to the AWS sign-in endpoint, a form body, or the decoded XML',
      },
      unrecognized: {
        message: 'the input is neither XML, a form body nor base64',
        help: 'copy the `SAMLResponse` form field from the POST to `https://signin.aws.amazon.com/saml` (browser dev tools, Network tab, Payload)',
      },
      jsonInvalid: {
        message: 'the input starts like JSON but cannot be read as JSON: {{detail}}',
        help: 'export the HAR file or SAML-tracer trace again, or fix the policy where the JSON breaks; samlint reads strict JSON (no comments, no trailing commas)',
      },
      jsonUnrecognized: {
        message: 'the JSON is neither a HAR file, a SAML-tracer export nor an IAM policy',
        help: 'give samlint a HAR export of the browser’s Network tab, a SAML-tracer JSON export, or an IAM policy (`{"Version": "2012-10-17", "Statement": […]}`)',
      },
      noResponseField: {
        message: 'the form body has no `SAMLResponse` field',
        help: 'capture the POST from the IdP to the AWS sign-in endpoint; its form body carries `SAMLResponse` (and usually `RelayState`)',
      },
      tooLarge: {
        message: 'the input has {{length}} characters, over samlint’s limit of {{limit}}',
        help: 'pass only the SAMLResponse, not a whole log or capture',
      },
    },
  },
  check(ctx) {
    for (const problem of ctx.capture.problems) {
      if (problem.kind === 'empty') ctx.report({ messageId: 'empty' });
      else if (problem.kind === 'unrecognized') ctx.report({ messageId: 'unrecognized', location: ctx.at.input(problem.range) });
      else if (problem.kind === 'json-invalid') {
        ctx.report({ messageId: 'jsonInvalid', data: { detail: problem.detail }, location: ctx.at.input(problem.range) });
      } else if (problem.kind === 'json-unrecognized') ctx.report({ messageId: 'jsonUnrecognized', location: ctx.at.input(problem.range) });
      else if (problem.kind === 'no-saml-response-field') {
        ctx.report({ messageId: 'noResponseField', location: ctx.at.input(problem.range) });
      } else if (problem.kind === 'input-too-large') {
        ctx.report({ messageId: 'tooLarge', data: { length: problem.length, limit: problem.limit } });
      }
    }
  },
});
