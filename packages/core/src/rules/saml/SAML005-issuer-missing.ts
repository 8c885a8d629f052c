import { attribute, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

export const SAML005 = defineRule({
  meta: {
    code: 'SAML005',
    name: 'issuer-missing',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Assertion has no Issuer, or an Issuer is empty, not an entity ID, or differs between Response and Assertion',
    facts: ['AWS-ISS-001'],
    symptoms: ['issuer-not-present'],
    messages: {
      missing: {
        message: '`Assertion` has no `saml:Issuer`',
        help: 'AWS finds the IAM SAML provider by the assertion’s Issuer, which must equal the `entityID` of the IdP metadata uploaded to IAM; the IdP always sends it, so a custom template, plugin or proxy dropped it',
        profiles: { generic: { help: 'the service provider finds the IdP it trusts by the assertion’s Issuer, which must equal the `entityID` of that IdP’s metadata; the IdP always sends it, so a custom template, plugin or proxy dropped it' } },
      },
      empty: {
        message: '`{{element}}` Issuer is empty',
        help: 'the Issuer must be the IdP’s entity ID, exactly as in the `entityID` of the metadata uploaded to IAM; check the IdP application’s issuer / entity ID setting',
        profiles: { generic: { help: 'the Issuer must be the IdP’s entity ID, exactly as in the `entityID` of the IdP metadata the service provider trusts; check the IdP application’s issuer / entity ID setting' } },
      },
      format: {
        message: '`{{element}}` Issuer Format is `{{format}}`, not the entity format',
        help: 'the SAML Web SSO profile requires the Issuer `Format` to be omitted or `urn:oasis:names:tc:SAML:2.0:nameid-format:entity`; remove the custom issuer format in the IdP',
      },
      differs: {
        message: 'Response Issuer `{{responseIssuer}}` differs from the Assertion Issuer `{{assertionIssuer}}`',
        help: 'both Issuers must name the same IdP, the `entityID` of the metadata uploaded to IAM; a response that mixes two issuers was assembled or relayed by something other than the IdP',
        profiles: { generic: { help: 'both Issuers must name the same IdP, the `entityID` of the IdP metadata the service provider trusts; a response that mixes two issuers was assembled or relayed by something other than the IdP' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const { issuer, assertion, assertionIssuer } = view;
    if (assertion && !assertionIssuer) {
      ctx.report({ messageId: 'missing', location: ctx.at.element(assertion) });
    }
    // SAML core makes the Response Issuer optional, so only a present one is checked.
    const present = [
      ['Response', issuer],
      ['Assertion', assertionIssuer],
    ] as const;
    for (const [element, el] of present) {
      if (!el) continue;
      if (textOf(el).trim() === '') {
        const severity = element === 'Response' ? 'warning' : 'error';
        ctx.report({ messageId: 'empty', data: { element }, location: ctx.at.element(el), severity });
      }
      const format = attribute(el, 'Format');
      if (format !== undefined && format !== ENTITY_FORMAT) {
        ctx.report({ messageId: 'format', data: { element, format }, location: ctx.at.attribute(el, 'Format'), severity: 'warning' });
      }
    }
    if (!issuer || !assertionIssuer) return;
    const responseIssuer = textOf(issuer).trim();
    const assertionValue = textOf(assertionIssuer).trim();
    if (responseIssuer && assertionValue && responseIssuer !== assertionValue) {
      ctx.report({
        messageId: 'differs',
        data: { responseIssuer, assertionIssuer: assertionValue },
        location: ctx.at.content(issuer),
        labels: [{ location: ctx.at.content(assertionIssuer), message: 'the Assertion Issuer' }],
        severity: 'warning',
      });
    }
  },
});
