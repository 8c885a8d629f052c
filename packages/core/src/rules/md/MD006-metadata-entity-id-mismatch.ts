import { entityDescriptors, entityIdOf, isIdentityProvider } from '../../saml/metadata.js';
import { defineRule } from '../define-rule.js';

export const MD006 = defineRule({
  meta: {
    code: 'MD006',
    name: 'metadata-entity-id-mismatch',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'The IdP entityID of the metadata is not the IdP given with --issuer',
    facts: ['AWS-ISS-001'],
    symptoms: ['issuer-not-present'],
    needs: ['issuer'],
    messages: {
      mismatch: {
        message: 'IdP entityID {{found}} is not the expected IdP `{{expected}}`',
        help: 'this metadata describes another identity provider (another tenant, application or environment); download the metadata of the IdP application that signs the responses, whose entityID is their Issuer',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    const expected = ctx.env.sp.issuer;
    if (!root || expected === undefined) return;
    // Metadata with no IdP is MD005's finding, an IdP without entityID MD002's.
    const idps = entityDescriptors(root).filter((e) => isIdentityProvider(e) && entityIdOf(e) !== undefined);
    const first = idps[0];
    if (!first || idps.some((e) => entityIdOf(e) === expected)) return;
    const found = idps.map((e) => `\`${entityIdOf(e)}\``).join(', ');
    const location = idps.length === 1 ? ctx.at.attribute(first, 'entityID') : ctx.at.element(root);
    ctx.report({ messageId: 'mismatch', data: { found, expected }, location });
  },
});
