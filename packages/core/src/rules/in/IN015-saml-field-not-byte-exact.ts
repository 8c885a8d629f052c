import { signedBytesUncertain } from '../../model/capture.js';
import { describeTarget } from '../../sig/coverage.js';
import { defineRule } from '../define-rule.js';

export const IN015 = defineRule({
  meta: {
    code: 'IN015',
    name: 'saml-field-not-byte-exact',
    family: 'IN',
    stage: 'response',
    severity: 'warning',
    summary: 'A digest fails on SAML-tracer’s decoded `saml` field, which may not hold the bytes the IdP signed',
    facts: [],
    symptoms: [],
    messages: {
      uncertain: {
        message: 'the digest over {{target}} does not match SAML-tracer’s decoded `saml` field, whose non-ASCII characters may not be the bytes the IdP signed',
        help: 'export the trace again with the “None” profile so samlint verifies the posted `SAMLResponse` itself, or capture the login as a HAR file; SIG004 then says whether the content really changed after signing',
      },
    },
  },
  check(ctx) {
    // SIG004 stays silent on such text (see signedBytesUncertain); this rule says why nothing is concluded.
    if (!signedBytesUncertain(ctx.capture)) return;
    for (const signature of ctx.signatures()) {
      if (signature.status !== 'digest-mismatch') continue;
      ctx.report({
        messageId: 'uncertain',
        data: { target: describeTarget(signature) },
        location: ctx.at.element(signature.element),
      });
    }
  },
});
