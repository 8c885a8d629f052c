import { SYMPTOMS } from '../../model/symptoms.js';
import { textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML022 = defineRule({
  meta: {
    code: 'SAML022',
    name: 'issuer-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response or Assertion Issuer is not the IdP given with --issuer or the --metadata entityID',
    facts: ['AWS-ISS-001'],
    symptoms: ['issuer-not-present'],
    needs: ['issuer'],
    messages: {
      mismatch: {
        message: '{{element}} Issuer `{{issuer}}` is not the expected IdP `{{expected}}`',
        help: 'the Issuer must be the IdP entity ID the service provider trusts: in AWS, the `entityID` of the metadata uploaded to the IAM SAML provider. Either set the IdP application’s issuer / entity ID to it, or give the SP the IdP’s current metadata (AWS: `aws iam update-saml-provider --saml-metadata-document file://metadata.xml`)',
        profiles: { generic: { help: 'the Issuer must be the IdP entity ID the service provider trusts, the `entityID` of the IdP metadata it was given. Either set the IdP application’s issuer / entity ID to it, or give the SP the IdP’s current metadata' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const expected = ctx.env.sp.issuer;
    if (!view || expected === undefined) return;
    const fromMetadata = ctx.env.inferred.some((i) => i.what === 'issuer');
    const notes = [
      ...(fromMetadata ? ['the expected IdP is the entityID of --metadata'] : []),
      ...(ctx.env.profile === 'aws' ? [`AWS answers \`Failed to assume role: ${SYMPTOMS['issuer-not-present']}\``] : []),
    ];
    const issuers = [
      ['Response', view.issuer],
      ['Assertion', view.assertionIssuer],
    ] as const;
    for (const [element, el] of issuers) {
      const issuer = el ? textOf(el).trim() : '';
      // A missing or empty Issuer is SAML005's finding.
      if (!el || issuer === '' || issuer === expected) continue;
      ctx.report({ messageId: 'mismatch', data: { element, issuer, expected }, location: ctx.at.content(el), notes });
    }
  },
});
