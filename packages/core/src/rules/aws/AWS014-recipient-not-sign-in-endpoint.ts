import { SIGN_IN_REGIONS, parseSignInEndpoint, partitionOfRegion } from '../../aws/endpoints.js';
import type { Partition, SignInEndpoint } from '../../model/sign-in-endpoint.js';
import type { ReportOf } from '../../model/rule.js';
import { recipients } from '../../aws/post-targets.js';
import { defineRule } from '../define-rule.js';

const ENDPOINTS =
  '`https://signin.aws.amazon.com/saml`, `https://{region}.signin.aws.amazon.com/saml`, `https://signin.amazonaws-us-gov.com/saml`, `https://signin.amazonaws.cn/saml`, `…/saml/acs/{IdP-ID}` for encrypted assertions, or a Connect Global Resiliency `https://{instance-id}.{region}.sign-in.connect.aws/saml`';
const HELP = `set the ACS (Single sign-on URL, Reply URL) of the IdP’s AWS app to an AWS sign-in endpoint: ${ENDPOINTS}; the trust policy’s \`SAML:aud\` must list the same URL`;

/** Hosts of AWS sign-in SAML endpoints, by suffix: anything else is not AWS at all. */
const SIGN_IN_HOST_SUFFIXES = ['signin.aws.amazon.com', 'signin.amazonaws-us-gov.com', 'signin.amazonaws.cn', 'sign-in.connect.aws'];

/** China regions; GR-SIGNIN lists only the aws and aws-us-gov partitions (facts §6). */
const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'];

/**
 * Regions GR-SIGNIN lists under the bare host, not `{region}.signin…`: AWS does not list
 * `us-east-1.signin.aws.amazon.com` (a gap in facts §6), so samlint warns instead of failing it.
 */
const LISTED_BARE_HOST: Record<string, string> = {
  'us-east-1': 'signin.aws.amazon.com',
  'us-gov-west-1': 'signin.amazonaws-us-gov.com',
};

export const AWS014 = defineRule({
  meta: {
    code: 'AWS014',
    name: 'recipient-not-sign-in-endpoint',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The bearer SubjectConfirmationData Recipient is not an AWS sign-in SAML endpoint',
    facts: ['AWS-RCPT-001'],
    symptoms: ['invalid-saml-response', 'not-authorized-assume-role'],
    messages: {
      notUrl: { message: 'Recipient `{{recipient}}` is not a URL', help: HELP },
      notSignIn: { message: 'Recipient `{{recipient}}` is not an AWS sign-in SAML endpoint', help: HELP },
      insecure: { message: 'Recipient `{{recipient}}` uses `{{scheme}}`, not `https`', help: HELP },
      path: { message: 'Recipient path `{{path}}` is not a sign-in SAML path', help: HELP },
      unknownHost: { message: 'Recipient host `{{host}}` is not an AWS sign-in host', help: HELP },
      unknownRegion: { message: 'Recipient names region `{{region}}`, which has no `{{partition}}` sign-in endpoint', help: HELP },
      obsolete: {
        message: 'Recipient `{{recipient}}` is the `/static/saml` endpoint, which current AWS documentation no longer lists',
        help: 'use `https://signin.aws.amazon.com/saml` (or a regional `https://{region}.signin.aws.amazon.com/saml`) as the ACS in the IdP, and the same URL in the trust policy’s `SAML:aud`',
      },
      unlistedHost: {
        message: 'Recipient host `{{host}}` is not listed by AWS; the {{region}} sign-in host is `{{listed}}`',
        help: 'use `https://{{listed}}/saml` as the ACS in the IdP and in the trust policy’s `SAML:aud`',
      },
      whitespace: {
        message: 'Recipient `{{recipient}}` has whitespace around the URL',
        help: 'remove the whitespace from the ACS URL in the IdP: the Recipient becomes `SAML:aud`, which the trust policy compares exactly',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    for (const { element, url: recipient, endpoint } of recipients(ctx.response)) {
      const location = () => ctx.at.attribute(element, 'Recipient');
      const trimmed = recipient.trim();
      if (trimmed !== recipient) ctx.report({ messageId: 'whitespace', data: { recipient }, severity: 'warning', location: location() });
      const problem = endpoint ? endpointProblem(endpoint, trimmed) : whyNotEndpoint(trimmed);
      if (problem) ctx.report({ ...problem, location: location() });
    }
  },
});

/** Problems of a URL that parses as a sign-in endpoint: an obsolete path, or a region the host should not name. */
function endpointProblem(endpoint: SignInEndpoint, recipient: string): ReportOf<typeof AWS014> | undefined {
  if (endpoint.kind === 'obsolete-static') return { messageId: 'obsolete', data: { recipient }, severity: 'warning' };
  // Global Resiliency regions are the Connect family's to check.
  if (endpoint.kind === 'global-resiliency' || !endpoint.regionFromHost || !endpoint.region) return undefined;
  const { region, partition } = endpoint;
  if (!hasSignIn(region, partition)) return { messageId: 'unknownRegion', data: { region, partition } };
  const listed = LISTED_BARE_HOST[region];
  if (!listed) return undefined;
  return { messageId: 'unlistedHost', data: { host: new URL(recipient).hostname, region, listed }, severity: 'warning' };
}

function hasSignIn(region: string, partition: Partition): boolean {
  if (partition === 'aws-cn') return CHINA_REGIONS.includes(region);
  return SIGN_IN_REGIONS.includes(region) && partitionOfRegion(region) === partition;
}

/** Why a Recipient is not a sign-in endpoint: not a URL, not AWS, `http`, the path, or the host. */
function whyNotEndpoint(recipient: string): ReportOf<typeof AWS014> {
  let url: URL;
  try {
    url = new URL(recipient);
  } catch {
    return { messageId: 'notUrl', data: { recipient } };
  }
  const host = url.hostname.toLowerCase();
  if (!SIGN_IN_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return { messageId: 'notSignIn', data: { recipient } };
  }
  if (url.protocol !== 'https:') return { messageId: 'insecure', data: { recipient, scheme: url.protocol.replace(/:$/, '') } };
  const withSamlPath = new URL(url.href);
  withSamlPath.pathname = '/saml';
  if (parseSignInEndpoint(withSamlPath.href)) return { messageId: 'path', data: { path: url.pathname } };
  return { messageId: 'unknownHost', data: { host } };
}
