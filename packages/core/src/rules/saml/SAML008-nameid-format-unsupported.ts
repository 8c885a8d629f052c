import { AWS_NAME_ID_FORMATS as SUPPORTED_FORMATS } from '../../aws/name-id.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/**
 * Not in AWS's list, yet accepted: Okta's AWS app sends it by default and its logins work, and STS
 * returns a Format outside the SAML 2.0 prefix "with no modifications" (facts §13, AWS-SUBJ-002; STS-API).
 */
const SAML2_UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified';

/** The supported format with the same last word, ignoring case: catches `SAML:2.0:…:emailAddress` and the like. */
function nearestSupported(format: string): string | undefined {
  const word = format.slice(format.lastIndexOf(':') + 1).toLowerCase();
  return SUPPORTED_FORMATS.find((f) => f.slice(f.lastIndexOf(':') + 1).toLowerCase() === word);
}

export const SAML008 = defineRule({
  meta: {
    code: 'SAML008',
    name: 'nameid-format-unsupported',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'The NameID Format is not one of the eight formats AWS supports',
    facts: ['AWS-SUBJ-002'],
    symptoms: [],
    messages: {
      unsupported: {
        message: 'NameID Format `{{format}}` is not one AWS supports',
        help: 'set the IdP application’s Name ID format to persistent (`urn:oasis:names:tc:SAML:2.0:nameid-format:persistent`) or another of the formats listed in the AWS SP metadata',
        profiles: { generic: { message: 'NameID Format `{{format}}` is not one SAML 2.0 defines', help: 'set the IdP application’s Name ID format to persistent (`urn:oasis:names:tc:SAML:2.0:nameid-format:persistent`) or another format of SAML core §8.3 that the service provider accepts' } },
      },
    },
  },
  check(ctx) {
    const nameId = ctx.response?.nameId;
    const format = nameId ? attribute(nameId, 'Format') : undefined;
    // No Format means `unspecified` (SAML core §2.2.2), which AWS supports.
    if (!nameId || format === undefined || SUPPORTED_FORMATS.includes(format)) return;
    if (format === SAML2_UNSPECIFIED && ctx.env.profile === 'aws') return;
    const nearest = nearestSupported(format);
    ctx.report({
      messageId: 'unsupported',
      data: { format },
      location: ctx.at.attribute(nameId, 'Format'),
      notes: nearest ? [`the supported format with this name is \`${nearest}\``] : [],
    });
  },
});
