import { proving, signaturesCovering } from '../../sig/coverage.js';
import { defineRule } from '../define-rule.js';

export const SIG011 = defineRule({
  meta: {
    code: 'SIG011',
    name: 'signature-wrapping',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'What samlint (and AWS) reads is not what the valid signature covers: XML signature wrapping',
    facts: [],
    symptoms: ['signature-invalid', 'invalid-saml-response'],
    messages: {
      assertionNotSigned: {
        message: 'this Assertion is covered by no valid signature, while a signature covers {{signed}}',
        help: 'a valid signature over one element and different content where a service provider reads is XML Signature Wrapping: treat this response as an attack and find where it came from; a genuine IdP never produces it',
      },
      responseNotRoot: {
        message: 'a valid signature covers a `Response` that is not the document’s root Response',
        help: 'the signed Response was moved inside an unsigned one (XML Signature Wrapping): treat this response as an attack',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const signatures = ctx.signatures();
    const valid = proving(signatures);
    if (valid.length === 0) return;
    const covered = valid.flatMap((s) => s.covers);
    const labels = covered.map((element) => ({ location: ctx.at.element(element), message: 'the element the signature covers' }));
    // Every Assertion a service provider might read, with the elements whose signature vouches for it:
    // with two Assertions, which one the SP takes is the attacker's bet (XSW3, XSW5). A decrypted
    // Assertion is vouched for by its own signature or by one over its EncryptedAssertion.
    const readable = view.assertions.map((assertion) => ({ assertion, vouching: [assertion] }));
    if (view.decrypted && view.assertion) {
      readable.push({ assertion: view.assertion, vouching: [view.assertion, ...view.encryptedAssertions] });
    }
    const signed = covered.map((e) => `\`${e.localName}\``).join(' and ') || 'another element';
    for (const { assertion, vouching } of readable) {
      if (vouching.some((e) => signaturesCovering(e, signatures).length > 0)) continue;
      ctx.report({ messageId: 'assertionNotSigned', data: { signed }, location: ctx.at.element(assertion), labels });
    }
    const rootIsCovered = signaturesCovering(view.root, signatures).length > 0;
    if (!rootIsCovered && covered.some((e) => e !== view.root && e.localName === 'Response')) {
      ctx.report({ messageId: 'responseNotRoot', location: ctx.at.element(view.root), labels });
    }
  },
});
