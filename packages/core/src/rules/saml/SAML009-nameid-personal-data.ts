import { textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

// Loose on purpose: anything shaped like local@domain.tld is personal data in CloudTrail, valid address or not.
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const SAML009 = defineRule({
  meta: {
    code: 'SAML009',
    name: 'nameid-personal-data',
    family: 'SAML',
    stage: 'response',
    severity: 'info',
    summary: 'The NameID is an email address, which AWS logs in CloudTrail',
    facts: [],
    symptoms: [],
    // The reason is AWS's: CloudTrail logs the NameID; a generic SP's logs are its own business.
    profiles: ['aws'],
    messages: {
      email: {
        message: 'NameID is an email address, which CloudTrail logs',
        help: 'AWS STS recommends a NameID that is not personal data, such as a persistent opaque ID (Okta: a persistent Name ID format; Entra ID: `user.objectid` with the persistent format; AD FS: a persistent Name ID claim rule); Amazon Connect matches users on RoleSessionName, not NameID, so this does not affect the Connect login',
      },
    },
  },
  check(ctx) {
    const nameId = ctx.response?.nameId;
    if (nameId && EMAIL_LIKE.test(textOf(nameId).trim())) {
      ctx.report({ messageId: 'email', location: ctx.at.content(nameId) });
    }
  },
});
