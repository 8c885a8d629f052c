import { signedBytesUncertain } from '../../model/capture.js';
import { describeTarget } from '../../sig/coverage.js';
import { defineRule } from '../define-rule.js';

export const SIG004 = defineRule({
  meta: {
    code: 'SIG004',
    name: 'digest-mismatch',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'A signed element changed after it was signed (its digest does not match)',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      changed: {
        message: 'the content of {{target}} changed after it was signed (digest mismatch)',
        help: 'something rewrote the XML between the IdP and you: a proxy, a browser extension, a pretty-printer or a hand edit; sign in again and capture the untouched POST. If the IdP itself emits it, its signing and its output are out of step (a custom plug-in or attribute transformation applied after signing)',
      },
    },
  },
  check(ctx) {
    // On SAML-tracer's decoded copy a mismatch proves nothing about the IdP: IN015 reports it instead.
    if (signedBytesUncertain(ctx.capture)) return;
    for (const signature of ctx.signatures()) {
      if (signature.status !== 'digest-mismatch') continue;
      ctx.report({
        messageId: 'changed',
        data: { target: describeTarget(signature) },
        location: ctx.at.element(signature.element),
      });
    }
  },
});
