import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { roleSessionName } from '../../aws/role-session-name.js';
import { attributesNamed } from '../../saml/response.js';
import { defineRule } from '../define-rule.js';
import { missingAttributeLocation, nearMissNotes } from './_shared.js';

const STS_ERROR =
  'STS answers: RoleSessionName is required in AuthnResponse (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)';

export const AWS006 = defineRule({
  meta: {
    code: 'AWS006',
    name: 'role-session-name-missing',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The assertion has no `https://aws.amazon.com/SAML/Attributes/RoleSessionName` value',
    facts: ['AWS-RSN-001'],
    symptoms: ['role-session-name-required'],
    messages: {
      missing: {
        message: 'no `https://aws.amazon.com/SAML/Attributes/RoleSessionName` attribute',
        help: 'add an attribute named exactly `https://aws.amazon.com/SAML/Attributes/RoleSessionName` to the IdP’s AWS app, mapped to a user ID or email (Okta: `user.login` or `user.email`; Entra ID: `user.userprincipalname`; ADFS: a claim rule from UPN or email); for Amazon Connect it must equal the Connect user name',
      },
      noValue: {
        message: 'the RoleSessionName attribute has no `AttributeValue`',
        help: 'map RoleSessionName to a user property every user has (user ID or email); an empty source property makes the IdP send the attribute without a value',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.assertion || roleSessionName(view)) return;
    const notes = [...nearMissNotes(view, AWS_ATTRIBUTE.roleSessionName), STS_ERROR];
    // roleSessionName() reads the first attribute with the exact name, so that is the one without a value.
    const first = attributesNamed(view, AWS_ATTRIBUTE.roleSessionName)[0];
    if (first) ctx.report({ messageId: 'noValue', location: ctx.at.element(first.element), notes });
    else ctx.report({ messageId: 'missing', location: missingAttributeLocation(ctx, view.assertion), notes });
  },
});
