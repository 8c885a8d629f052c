import type { ResponseView } from '../model/response.js';
import type { SignInEndpoint } from '../model/sign-in-endpoint.js';
import { bearerRecipients } from '../saml/response.js';
import { attribute } from '../xml/dom.js';
import { parseSignInEndpoint } from './endpoints.js';

/** A URL the response names as where it is posted: a bearer `Recipient`, or the Response `Destination`. */
export interface PostTarget {
  element: Element;
  attribute: 'Recipient' | 'Destination';
  url: string;
  /** Undefined when the URL is not an AWS sign-in SAML endpoint. */
  endpoint?: SignInEndpoint;
}

/** The bearer Recipients, in document order (the first is the one AWS turns into `SAML:aud`). */
export function recipients(view: ResponseView): PostTarget[] {
  return bearerRecipients(view).map(({ element, url }) => target(element, 'Recipient', url));
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
