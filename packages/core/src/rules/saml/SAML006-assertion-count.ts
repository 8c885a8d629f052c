import type { Profile } from '../../model/environment.js';
import { defineRule } from '../define-rule.js';
import { statusIsFailure } from './_shared.js';

const ENCRYPTED_NOTES: Record<Profile, readonly string[]> = {
  aws: [
    'AWS has accepted encrypted assertions since February 2025, when the IAM SAML provider holds the private key and the IdP posts to the provider-specific ACS `https://{region}.signin.aws.amazon.com/saml/acs/{IdP-ID}` (that URL is also the Recipient and `SAML:aud`)',
    'samlint has no key to decrypt it, so the Subject, Conditions, timing, audience and AWS attribute rules did not run; pass the SP private key with --decryption-key to check them',
  ],
  generic: [
    'samlint has no key to decrypt it, so the Subject, Conditions, timing and audience rules did not run; pass the SP private key with --decryption-key to check them',
  ],
};

export const SAML006 = defineRule({
  meta: {
    code: 'SAML006',
    name: 'assertion-count',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response does not hold exactly one Assertion as a direct child, or holds Assertions elsewhere',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      none: {
        message: 'response holds no `saml:Assertion`',
        help: 'a successful Response must carry the assertion AWS signs the user in with; check the IdP application is a SAML 2.0 app for AWS and that nothing between the IdP and the browser strips the assertion',
        profiles: { generic: { help: 'a successful Response must carry the assertion the service provider signs the user in with; check the IdP application is a SAML 2.0 app and that nothing between the IdP and the browser strips the assertion' } },
      },
      many: {
        message: 'response holds {{count}} assertions, not one',
        help: 'make the IdP send exactly one Assertion, directly under the Response: which one AWS would read is not documented; look for a second application, template or proxy that adds another',
        profiles: { generic: { help: 'make the IdP send exactly one Assertion, directly under the Response: which one a service provider reads is not defined; look for a second application, template or proxy that adds another' } },
      },
      encrypted: {
        message: 'assertion is encrypted',
        help: 'nothing to change if the IAM SAML provider has the matching private key and the IdP posts to the provider-specific ACS; otherwise turn assertion encryption off in the IdP or add the key in IAM',
        profiles: { generic: { help: 'nothing to change if the service provider holds the matching private key; otherwise turn assertion encryption off in the IdP or give the service provider the key' } },
      },
      stray: {
        message: '`saml:Assertion` inside `{{parent}}` is not a direct child of the Response',
        help: 'AWS reads only the Assertion directly under the Response; an Assertion anywhere else is never what the IdP should send and is the shape of an XML signature wrapping attack, so find out what added it',
        profiles: { generic: { help: 'a service provider reads the Assertion directly under the Response; an Assertion anywhere else is never what the IdP should send and is the shape of an XML signature wrapping attack, so find out what added it' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const count = view.assertions.length + view.encryptedAssertions.length;
    if (count === 0 && !statusIsFailure(view)) {
      ctx.report({ messageId: 'none', location: ctx.at.element(view.root) });
    } else if (count > 1) {
      const second = [...view.assertions, ...view.encryptedAssertions][1];
      const notes = view.assertion ? [] : ['samlint’s Subject, Conditions, timing and attribute rules read a single Assertion, so they did not run'];
      ctx.report({ messageId: 'many', data: { count }, location: ctx.at.element(second ?? view.root), notes });
    } else if (view.encryptedAssertions[0] && !ctx.env.decryptionKeyGiven) {
      // With --decryption-key the plaintext is linted like any Assertion, or IN011 says why it is not.
      ctx.report({
        messageId: 'encrypted',
        location: ctx.at.element(view.encryptedAssertions[0]),
        notes: [...ENCRYPTED_NOTES[ctx.env.profile]],
        severity: 'info',
      });
    }
    for (const stray of view.strayAssertions) {
      ctx.report({
        messageId: 'stray',
        data: { parent: stray.parentNode?.nodeName ?? 'the document' },
        location: ctx.at.element(stray),
        severity: 'warning',
      });
    }
  },
});
