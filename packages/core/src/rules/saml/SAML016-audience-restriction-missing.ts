import { NS, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const SET_AUDIENCE =
  'set the IdP application’s Audience / Entity ID / relying party identifier to `urn:amazon:webservices` (the entityID of the AWS SP metadata), so the IdP emits `<saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction>` in the Conditions';

const SET_AUDIENCE_GENERIC =
  'set the IdP application’s Audience / Entity ID / relying party identifier to the service provider’s entity ID (the entityID of its SP metadata; --audience), so the IdP emits `<saml:AudienceRestriction><saml:Audience>…</saml:Audience></saml:AudienceRestriction>` in the Conditions';

export const SAML016 = defineRule({
  meta: {
    code: 'SAML016',
    name: 'audience-restriction-missing',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Assertion has no Conditions, AudienceRestriction or Audience',
    facts: ['AWS-AUD-001'],
    symptoms: ['required-audience'],
    messages: {
      noConditions: {
        message: '`Assertion` has no `saml:Conditions`',
        help: SET_AUDIENCE,
        profiles: { generic: { help: SET_AUDIENCE_GENERIC } },
      },
      noAudienceRestriction: {
        message: '`Conditions` has no `saml:AudienceRestriction`',
        help: SET_AUDIENCE,
        profiles: { generic: { help: SET_AUDIENCE_GENERIC } },
      },
      noAudience: {
        message: '`AudienceRestriction` has no `saml:Audience`',
        help: SET_AUDIENCE,
        profiles: { generic: { help: SET_AUDIENCE_GENERIC } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.assertion) return;
    const notes = ctx.env.profile === 'aws' ? ['AWS answers `Response does not contain the required audience.`'] : [];
    if (!view.conditions) {
      ctx.report({ messageId: 'noConditions', location: ctx.at.element(view.assertion), notes });
      return;
    }
    const restrictions = childElements(view.conditions, NS.saml, 'AudienceRestriction');
    if (restrictions.length === 0) {
      ctx.report({ messageId: 'noAudienceRestriction', location: ctx.at.element(view.conditions), notes });
    }
    for (const restriction of restrictions) {
      if (childElements(restriction, NS.saml, 'Audience').length === 0) {
        ctx.report({ messageId: 'noAudience', location: ctx.at.element(restriction), notes });
      }
    }
  },
});
