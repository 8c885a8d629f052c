import type { Partition, SignInEndpoint } from '../model/sign-in-endpoint.js';
import { TextCache } from '../model/text-cache.js';

/** AWS Sign-In regions (facts §6, GR-SIGNIN). */
export const SIGN_IN_REGIONS: readonly string[] = [
  'us-east-2', 'us-east-1', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1',
  'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1',
  'eu-south-2', 'eu-north-1', 'il-central-1', 'mx-central-1', 'me-south-1', 'me-central-1', 'sa-east-1',
  'us-gov-east-1', 'us-gov-west-1',
];

/** Regions that host Amazon Connect (facts §8, GR-CONNECT). */
export const CONNECT_REGIONS: readonly string[] = [
  'us-east-1', 'us-west-2', 'af-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1',
  'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-west-2', 'us-gov-west-1',
];

export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

const HOSTS: ReadonlyArray<{ suffix: string; partition: Partition; bareRegion?: string }> = [
  { suffix: 'signin.aws.amazon.com', partition: 'aws', bareRegion: 'us-east-1' },
  { suffix: 'signin.amazonaws-us-gov.com', partition: 'aws-us-gov', bareRegion: 'us-gov-west-1' },
  { suffix: 'signin.amazonaws.cn', partition: 'aws-cn' },
];

const PROVIDER_ACS = /^\/saml\/acs\/([A-Z0-9]{22,64})$/;

/** Classifies a URL as an AWS sign-in SAML endpoint, or returns undefined when it is none. */
export function parseSignInEndpoint(url: string): SignInEndpoint | undefined {
  return ENDPOINTS.get(url, () => {
    const endpoint = readSignInEndpoint(url);
    return endpoint && Object.freeze(endpoint);
  });
}

// The environment and several rules classify the same Recipient; a URL parse is not free.
const ENDPOINTS = new TextCache<SignInEndpoint | undefined>(16);

function readSignInEndpoint(url: string): SignInEndpoint | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  const gr = /^([a-z0-9-]+)\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.sign-in\.connect\.aws$/.exec(host);
  if (gr) {
    if (parsed.pathname !== '/saml') return undefined;
    return {
      kind: 'global-resiliency',
      partition: 'aws',
      region: gr[2],
      regionFromHost: true,
      instanceId: gr[1],
    };
  }
  for (const { suffix, partition, bareRegion } of HOSTS) {
    let region: string | undefined;
    if (host === suffix) region = bareRegion;
    else if (host.endsWith(`.${suffix}`)) region = host.slice(0, -suffix.length - 1);
    else continue;
    if (region !== undefined && region !== bareRegion && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) return undefined;
    const regionFromHost = host !== suffix;
    const acs = PROVIDER_ACS.exec(parsed.pathname);
    if (acs) return { kind: 'provider-acs', partition, region, regionFromHost, providerId: acs[1] };
    if (parsed.pathname === '/static/saml' && !regionFromHost) {
      return { kind: 'obsolete-static', partition, region, regionFromHost };
    }
    if (parsed.pathname !== '/saml') return undefined;
    return { kind: regionFromHost ? 'regional' : 'global', partition, region, regionFromHost };
  }
  return undefined;
}
