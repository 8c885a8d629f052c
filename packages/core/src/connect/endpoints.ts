import { CONNECT_REGIONS } from '../aws/endpoints.js';

export function isConnectRegion(region: string): boolean {
  return CONNECT_REGIONS.includes(region);
}

/**
 * The SAML ACS to use for an instance in `region` (facts §8). us-east-1 and us-gov-west-1 use the
 * bare host AWS lists; GR-SIGNIN lists no `us-east-1.signin.aws.amazon.com`.
 */
export function connectSignInUrl(region: string): string {
  if (region === 'us-east-1') return 'https://signin.aws.amazon.com/saml';
  if (region === 'us-gov-west-1') return 'https://signin.amazonaws-us-gov.com/saml';
  return `https://${region}.signin.aws.amazon.com/saml`;
}

/** The console host of the relay state for an instance in `region` (facts §7: GovCloud has no region in it). */
export function connectConsoleHost(region: string): string {
  return region === 'us-gov-west-1' ? 'console.amazonaws-us-gov.com' : `${region}.console.aws.amazon.com`;
}
