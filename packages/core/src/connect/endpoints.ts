import { CONNECT_REGIONS, parseSignInEndpoint } from '../aws/endpoints.js';
import type { SignInEndpoint } from '../model/sign-in-endpoint.js';
import type { ResponseView } from '../model/response.js';
import { bearerConfirmationData } from '../saml/response.js';
import { attribute } from '../xml/dom.js';

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

/** A URL the response names as where it is posted: a bearer `Recipient`, or the Response `Destination`. */
export interface PostTarget {
  element: Element;
  attribute: 'Recipient' | 'Destination';
  url: string;
  endpoint?: SignInEndpoint;
}

/** The bearer Recipients, in document order (the first is the one AWS turns into `SAML:aud`). */
export function recipients(view: ResponseView): PostTarget[] {
  return bearerConfirmationData(view).flatMap((element) => {
    const url = attribute(element, 'Recipient');
    return url === undefined ? [] : [target(element, 'Recipient', url)];
  });
}

/** The Response `Destination`, when present. */
export function destination(view: ResponseView): PostTarget | undefined {
  const url = attribute(view.root, 'Destination');
  return url === undefined ? undefined : target(view.root, 'Destination', url);
}

function target(element: Element, name: PostTarget['attribute'], url: string): PostTarget {
  const endpoint = parseSignInEndpoint(url);
  return endpoint ? { element, attribute: name, url, endpoint } : { element, attribute: name, url };
}
