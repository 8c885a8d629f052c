import { reportCaptureProblems } from './_shared.js';
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
        profiles: { generic: { help: 'paste the `SAMLResponse` value from the browser POST to the service provider’s ACS URL, a form body, or the decoded XML' } },
      },
      unrecognized: {
        message: 'the input is neither XML, a form body nor base64',
        help: 'copy the `SAMLResponse` form field from the POST to `https://signin.aws.amazon.com/saml` (browser dev tools, Network tab, Payload)',
        profiles: { generic: { help: 'copy the `SAMLResponse` form field from the POST to the service provider’s ACS URL (browser dev tools, Network tab, Payload)' } },
      },
      jsonInvalid: {
        message: 'the input starts like JSON but cannot be read as JSON: {{detail}}',
        help: 'export the HAR file or SAML-tracer trace again, or fix the policy where the JSON breaks; samlint reads strict JSON (no comments, no trailing commas)',
      },
      jsonUnrecognized: {
        message: 'the JSON is neither a HAR file, a SAML-tracer export nor an IAM policy',
        help: 'give samlint a HAR export of the browser’s Network tab, a SAML-tracer JSON export, or an IAM policy (`{"Version": "2012-10-17", "Statement": […]}`)',
        profiles: { generic: { message: 'the JSON is neither a HAR file nor a SAML-tracer export', help: 'give samlint a HAR export of the browser’s Network tab or a SAML-tracer JSON export' } },
      },
      noResponseField: {
        message: 'the form body has no `SAMLResponse` field',
        help: 'capture the POST from the IdP to the AWS sign-in endpoint; its form body carries `SAMLResponse` (and usually `RelayState`)',
        profiles: { generic: { help: 'capture the POST from the IdP to the service provider’s ACS URL; its form body carries `SAMLResponse` (and usually `RelayState`)' } },
      },
      noResponseFieldInPage: {
        message: 'the HTML page has no form with a `SAMLResponse` field ({{forms}})',
        help: 'save the page the IdP answers the sign-in with, the one that posts to `https://signin.aws.amazon.com/saml` (it holds a form with a hidden `SAMLResponse` input), or copy the `SAMLResponse` value from that POST in the browser’s Network tab',
        profiles: { generic: { help: 'save the page the IdP answers the sign-in with, the one that posts to the service provider’s ACS URL (it holds a form with a hidden `SAMLResponse` input), or copy the `SAMLResponse` value from that POST in the browser’s Network tab' } },
      },
      pageTooLarge: {
        message: 'the HTML page has more than {{limit}} tags, so it is not the IdP’s sign-in page, which has a few dozen',
        help: 'save the page the IdP answers the sign-in with, the one that posts to `https://signin.aws.amazon.com/saml`, or copy its form from the browser’s developer tools (Elements panel, Copy outerHTML)',
        profiles: { generic: { help: 'save the page the IdP answers the sign-in with, the one that posts to the service provider’s ACS URL, or copy its form from the browser’s developer tools (Elements panel, Copy outerHTML)' } },
      },
      tooLarge: {
        message: 'the input has {{length}} characters, over samlint’s limit of {{limit}}',
        help: 'pass only the SAMLResponse, not a whole log or capture',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN001', {
      empty: () => ({ messageId: 'empty' as const }),
      'input-too-large': (problem) => ({ messageId: 'tooLarge' as const, data: { length: problem.length, limit: problem.limit } }),
      unrecognized: (problem) => ({ messageId: 'unrecognized' as const, location: ctx.at.input(problem.range) }),
      'json-invalid': (problem) => ({ messageId: 'jsonInvalid' as const, data: { detail: problem.detail }, location: ctx.at.input(problem.range) }),
      'json-unrecognized': (problem) => ({ messageId: 'jsonUnrecognized' as const, location: ctx.at.input(problem.range) }),
      'no-saml-response-field': (problem) => {
        if (problem.forms === undefined) return { messageId: 'noResponseField' as const, location: ctx.at.input(problem.range) };
        const forms = problem.forms === 0 ? 'it has no form' : `its ${problem.forms === 1 ? 'form has' : `${problem.forms} forms have`} none`;
        return { messageId: 'noResponseFieldInPage' as const, data: { forms }, location: ctx.at.input(problem.range) };
      },
      'page-too-large': (problem) => ({ messageId: 'pageTooLarge' as const, data: { limit: problem.limit }, location: ctx.at.input(problem.range) }),
    });
  },
});
