import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { attributesNamed } from '../../saml/response.js';
import { SYMPTOMS } from '../../model/symptoms.js';
import { defineRule } from '../define-rule.js';
import { missingAttributeLocation, nearMissNotes } from './_shared.js';

export const AWS001 = defineRule({
  meta: {
    code: 'AWS001',
    name: 'role-attribute-missing',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The assertion has no `https://aws.amazon.com/SAML/Attributes/Role` attribute with a value',
    facts: ['AWS-ROLE-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      missing: {
        message: 'no `https://aws.amazon.com/SAML/Attributes/Role` attribute',
        help: 'add the Role attribute to the IdP’s AWS app (Okta: AWS Account Federation role mapping; Entra ID: the `Role` claim; ADFS: a `Role` claim rule), named exactly `https://aws.amazon.com/SAML/Attributes/Role`, with values `arn:aws:iam::ACCOUNT:role/ROLE,arn:aws:iam::ACCOUNT:saml-provider/PROVIDER`; a user who is assigned no role gets no value either',
      },
      noValue: {
        message: 'the Role attribute has no `AttributeValue`',
        help: 'assign the user an AWS role in the IdP (group or role mapping); each value is `arn:aws:iam::ACCOUNT:role/ROLE,arn:aws:iam::ACCOUNT:saml-provider/PROVIDER`',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    // Without exactly one readable Assertion (encrypted, none, several) the SAML rules report; there is nothing to read here.
    if (!view?.assertion) return;
    const roles = attributesNamed(view, AWS_ATTRIBUTE.role);
    if (roles.some((role) => role.values.length > 0)) return;
    const notes = [...nearMissNotes(view, AWS_ATTRIBUTE.role), `AWS sign-in shows: ${SYMPTOMS['invalid-saml-response']}`];
    const empty = roles[0];
    if (empty) {
      ctx.report({ messageId: 'noValue', location: ctx.at.element(empty.element), notes });
    } else {
      ctx.report({ messageId: 'missing', location: missingAttributeLocation(ctx, view.assertion), notes });
    }
  },
});
