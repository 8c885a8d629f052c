import { parseSignInEndpoint } from '../../aws/endpoints.js';
import { NS, childElements, textOf } from '../../xml/dom.js';
import { recipients } from '../../aws/post-targets.js';
import { defineRule } from '../define-rule.js';

const AWS_AUDIENCE = 'urn:amazon:webservices';
/** Seen only in third-party code for GovCloud, never in AWS documentation (facts §6): accepted there, unconfirmed. */
const GOVCLOUD_AUDIENCE = 'urn:amazon:webservices:govcloud';
const GOVCLOUD_NOTE = `for GovCloud samlint also accepts \`${GOVCLOUD_AUDIENCE}\`, which only third-party sources use; AWS does not document it`;

/**
 * The audiences AWS is known to accept (facts §6, AWS-AUD-001): its entity ID, and a sign-in
 * endpoint (`https://signin.aws.amazon.com/saml`, regional, GovCloud or China), which working
 * Google Workspace and Entra ID logins carry.
 */
function knownToAwsAccept(audience: string, govCloud: boolean): boolean {
  if (audience === AWS_AUDIENCE || (govCloud && audience === GOVCLOUD_AUDIENCE)) return true;
  const kind = parseSignInEndpoint(audience)?.kind;
  return kind === 'global' || kind === 'regional';
}

export const AWS015 = defineRule({
  meta: {
    code: 'AWS015',
    name: 'audience-not-aws',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'No Audience of an AudienceRestriction is a value AWS is known to accept (`urn:amazon:webservices` or a sign-in endpoint)',
    facts: ['AWS-AUD-001'],
    symptoms: ['required-audience'],
    messages: {
      notAws: {
        message: 'no Audience is a value AWS is known to accept (found {{found}})',
        help: 'AWS documents no Audience value; it is known to accept `urn:amazon:webservices` (the entity ID in AWS’s SAML metadata) and the sign-in URL `https://signin.aws.amazon.com/saml`. If AWS answers `Response does not contain the required audience.`, set the IdP’s audience (Okta: Audience URI; Entra ID: Identifier (Entity ID); ADFS: relying party identifier) to `urn:amazon:webservices`',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.conditions) return;
    const govCloud = recipients(view).some((r) => r.endpoint?.partition === 'aws-us-gov');
    // Each AudienceRestriction must be met on its own; within one, any Audience will do (SAML core §2.5.1.4).
    for (const restriction of childElements(view.conditions, NS.saml, 'AudienceRestriction')) {
      const audiences = childElements(restriction, NS.saml, 'Audience');
      const first = audiences[0];
      // An AudienceRestriction without Audience is a SAML-family problem.
      if (!first || audiences.some((a) => knownToAwsAccept(textOf(a), govCloud))) continue;
      const found = audiences.map((a) => `\`${textOf(a)}\``).join(', ');
      const location = audiences.length === 1 ? ctx.at.content(first) : ctx.at.element(restriction);
      ctx.report({ messageId: 'notAws', data: { found }, location, notes: govCloud ? [GOVCLOUD_NOTE] : [] });
    }
  },
});
