import { AWS_SP_ENTITY_ID, entityDescriptors, entityIdOf, isIdentityProvider } from '../../saml/metadata.js';
import { childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/** The role descriptors an entity has (`SPSSODescriptor`, `AttributeAuthorityDescriptor`…), by local name. */
function roles(entity: Element): string[] {
  return childElements(entity)
    .map((e) => e.localName ?? e.tagName)
    .filter((name) => name.endsWith('Descriptor'));
}

const HELP =
  'samlint reads metadata as the IdP’s, the document a service provider trusts (IAM CreateSAMLProvider, --metadata); download the metadata of the identity provider (Okta: the app’s Sign On tab; Entra ID: Federation Metadata XML; AD FS: /FederationMetadata/2007-06/FederationMetadata.xml)';

const HELP_GENERIC =
  'samlint reads metadata as the IdP’s, the document a service provider trusts (--metadata); download the metadata of the identity provider (Okta: the app’s Sign On tab; Entra ID: Federation Metadata XML; AD FS: /FederationMetadata/2007-06/FederationMetadata.xml)';

export const MD005 = defineRule({
  meta: {
    code: 'MD005',
    name: 'metadata-not-idp',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The metadata describes no identity provider (no IDPSSODescriptor): it is an SP’s, not the IdP’s',
    facts: [],
    symptoms: [],
    messages: {
      notIdp: {
        message: 'metadata describes no identity provider (found {{roles}})',
        help: HELP,
        profiles: { generic: { help: HELP_GENERIC } },
      },
      awsSp: {
        message: 'this is AWS’s own SP metadata (`urn:amazon:webservices`), not the IdP’s',
        help: `AWS’s metadata goes into the IdP (to set up the AWS application there); IAM needs the other direction: ${HELP}`,
        profiles: { generic: { message: 'this is a service provider’s own metadata, not the IdP’s', help: `a service provider’s metadata goes into the IdP (to set up the application there); the service provider needs the other direction: ${HELP_GENERIC}` } },
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    const entities = entityDescriptors(root);
    if (entities.some(isIdentityProvider)) return;
    const location = ctx.at.element(root);
    if (entities.some((e) => entityIdOf(e) === AWS_SP_ENTITY_ID)) {
      // Linted on its own, AWS's SP metadata is what users edit (a regional ACS) and MD020–MD023 check it;
      // given with --metadata it stands where the IdP's metadata belongs.
      if (ctx.metadata?.artifact === 'metadata') ctx.report({ messageId: 'awsSp', location });
      return;
    }
    const found = [...new Set(entities.flatMap(roles))].map((r) => `\`${r}\``).join(', ') || 'no role descriptor';
    const audience = ctx.env.sp.audience;
    const notes = audience !== undefined && entities.some((e) => entityIdOf(e) === audience) ? ['its entityID is --audience: this is the service provider’s own metadata'] : [];
    ctx.report({ messageId: 'notIdp', data: { roles: found }, location, notes });
  },
});
