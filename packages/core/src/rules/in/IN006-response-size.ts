import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

export const IN006 = defineRule({
  meta: {
    code: 'IN006',
    name: 'response-size',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The base64 SAMLResponse is outside AWS’s 4 to 100,000 character limits',
    facts: ['AWS-SIZE-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      tooLarge: {
        message: 'the base64 SAMLResponse has {{length}} characters, over AWS’s limit of {{limit}}',
        help: 'send fewer attributes (group lists are the usual culprit), drop embedded certificates you do not need, or stop signing twice',
      },
      tooSmall: {
        message: 'the base64 SAMLResponse has {{length}} characters, under AWS’s minimum of 4',
        help: 'copy the whole `SAMLResponse` value',
        profiles: { generic: { message: 'the base64 SAMLResponse has {{length}} characters, too few to hold a response' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN006', {
      // 100,000 characters is AWS's limit (AWS-SIZE-001); other service providers set their own.
      'response-too-large': (problem) =>
        ctx.env.profile === 'aws'
          ? { messageId: 'tooLarge' as const, data: { length: problem.length, limit: problem.limit }, location: ctx.at.input(problem.range) }
          : undefined,
      'response-too-small': (problem) => ({ messageId: 'tooSmall' as const, data: { length: problem.length }, location: ctx.at.input(problem.range) }),
    });
  },
});
