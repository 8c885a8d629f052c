import { entityDescriptors } from '../../saml/metadata.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const MD002 = defineRule({
  meta: {
    code: 'MD002',
    name: 'entity-id-missing',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'An EntityDescriptor has no entityID, or an empty one',
    facts: ['AWS-ISS-001'],
    symptoms: [],
    messages: {
      missing: {
        message: '`EntityDescriptor` has no `entityID`',
        help: 'the entityID names the IdP, and every SP (IAM included) matches the response’s Issuer against it; export the metadata again from the IdP instead of assembling it by hand',
        profiles: { generic: { help: 'the entityID names the IdP, and every SP matches the response’s Issuer against it; export the metadata again from the IdP instead of assembling it by hand' } },
      },
      empty: {
        message: '`EntityDescriptor` entityID is empty',
        help: 'set the IdP’s entity ID (issuer) in its admin console and export the metadata again; the response’s Issuer must equal it',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    for (const entity of entityDescriptors(root)) {
      const entityId = attribute(entity, 'entityID');
      if (entityId === undefined) ctx.report({ messageId: 'missing', location: ctx.at.element(entity) });
      else if (entityId.trim() === '') ctx.report({ messageId: 'empty', location: ctx.at.attribute(entity, 'entityID') });
    }
  },
});
