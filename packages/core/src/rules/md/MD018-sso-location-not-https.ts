import type { ReportOf } from '../../model/rule.js';
import { NS, attribute, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { idpDescriptors } from './_shared.js';

const HELP =
  'set the IdP’s base URL (host name) to its `https://` address and export the metadata again; the browser sends the AuthnRequest and the user’s credentials to this URL';

/** What is wrong with a SingleSignOnService Location, if anything. */
function problemOf(location: string | undefined): ReportOf<typeof MD018> | undefined {
  if (location === undefined || location.trim() === '') return { messageId: 'missing' };
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    return { messageId: 'notUrl', data: { url: location } };
  }
  return url.protocol === 'https:' ? undefined : { messageId: 'insecure', data: { url: location, scheme: url.protocol.replace(/:$/, '') } };
}

export const MD018 = defineRule({
  meta: {
    code: 'MD018',
    name: 'sso-location-not-https',
    family: 'MD',
    stage: 'metadata',
    severity: 'warning',
    summary: 'A SingleSignOnService Location of the IdP is not an https URL',
    facts: [],
    symptoms: [],
    messages: {
      insecure: { message: '`SingleSignOnService` Location `{{url}}` uses `{{scheme}}`, not `https`', help: HELP },
      notUrl: { message: '`SingleSignOnService` Location `{{url}}` is not an absolute URL', help: HELP },
      missing: { message: '`SingleSignOnService` has no Location', help: HELP },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    if (!root) return;
    for (const service of idpDescriptors(root).flatMap((d) => childElements(d, NS.md, 'SingleSignOnService'))) {
      const location = attribute(service, 'Location');
      const problem = problemOf(location);
      if (!problem) continue;
      ctx.report({ ...problem, location: location === undefined ? ctx.at.element(service) : ctx.at.attribute(service, 'Location') });
    }
  },
});
