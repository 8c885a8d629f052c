import { entityDescriptors, entityIdOf, isIdentityProvider } from '../../saml/metadata.js';
import { NS } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const MD003 = defineRule({
  meta: {
    code: 'MD003',
    name: 'entities-descriptor-root',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The metadata is an EntitiesDescriptor (a group of entities), not one EntityDescriptor',
    facts: [],
    symptoms: [],
    messages: {
      aggregate: {
        message: 'metadata root is an `EntitiesDescriptor` with {{count}} entities, not one `EntityDescriptor`',
        help: 'give the service provider the `EntityDescriptor` of your IdP alone: download the IdP’s own metadata (not a federation aggregate), or cut its `md:EntityDescriptor` out of the aggregate with the namespace declarations it uses',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root || root.namespaceURI !== NS.md || root.localName !== 'EntitiesDescriptor') return;
    const entities = entityDescriptors(root);
    const idps = entities.filter(isIdentityProvider).map((e) => `\`${entityIdOf(e) ?? '(no entityID)'}\``);
    const notes = [
      idps.length ? `the identity providers in it: ${idps.join(', ')}` : 'none of its entities is an identity provider (IDPSSODescriptor)',
      ...(ctx.env.profile === 'aws' ? ['IAM reads one issuer, its keys and its expiry from the metadata: give CreateSAMLProvider a single EntityDescriptor'] : []),
    ];
    // A generic SP may select an entity from an aggregate by entityID; IAM documents no such selection.
    const severity = ctx.env.profile === 'aws' ? undefined : 'warning';
    ctx.report({ messageId: 'aggregate', data: { count: entities.length }, location: ctx.at.element(root), notes, severity });
  },
});
