import type { ConfigValue } from '../../model/idp-config.js';
import { defineRule } from '../define-rule.js';

/** SHA-1 names as IdPs write them, each with the SHA-256 name the same setting takes. */
const SHA256_FOR: Record<string, string> = {
  RSA_SHA1: 'RSA_SHA256',
  SHA1: 'SHA256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'https://www.w3.org/2000/09/xmldsig#rsa-sha1': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'http://www.w3.org/2001/04/xmlenc#sha256',
};

/** Any other spelling that names SHA-1 (Keycloak's `DSA_SHA1`): reported, with no replacement of the same kind to offer. */
const SHA1_NAME = /sha-?1(?![0-9])/i;

export const IDP003 = defineRule({
  meta: {
    code: 'IDP003',
    name: 'config-sha1-algorithm',
    family: 'IDP',
    stage: 'config',
    severity: 'warning',
    summary: 'The configuration chooses a SHA-1 signature or digest algorithm',
    facts: ['AWS-SIG-001'],
    symptoms: [],
    messages: {
      signature: {
        message: '`{{path}}` is `{{algorithm}}`, which signs with SHA-1',
        help: 'choose RSA-SHA256 (`RSA_SHA256` in Okta and Keycloak; `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` in AD FS)',
      },
      digest: {
        message: '`{{path}}` is `{{algorithm}}`, a SHA-1 digest',
        help: 'choose SHA-256 (`SHA256` in Okta)',
      },
    },
  },
  check(ctx) {
    if (!ctx.config) return;
    const { app, locate } = ctx.config;
    const check = (value: ConfigValue, messageId: 'signature' | 'digest') => {
      if (value.state !== 'known' || !SHA1_NAME.test(value.value)) return;
      const replacement = SHA256_FOR[value.value];
      const fix = replacement && value.verbatim ? { fix: { title: `Use ${replacement}`, location: locate(value.range), replacement } } : {};
      ctx.report({ messageId, data: { path: value.path, algorithm: value.value }, location: locate(value.range), ...fix });
    };
    check(app.signing.signatureAlgorithm, 'signature');
    check(app.signing.digestAlgorithm, 'digest');
  },
});
