import type { Severity } from '../../model/finding.js';
import type { Profile } from '../../model/context-options.js';
import type { ResponseView } from '../../saml/response.js';
import { NS, attribute, firstChild } from '../../xml/dom.js';

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/** The top-level `StatusCode` of the Response and its Value (trimmed; undefined when absent or blank). */
export function topStatusCode(view: ResponseView): { element?: Element; value?: string } {
  const element = view.status ? firstChild(view.status, NS.samlp, 'StatusCode') : undefined;
  const value = element ? attribute(element, 'Value')?.trim() : undefined;
  return { element, value: value || undefined };
}

/** True when the IdP said the sign-in failed, so the absence of an assertion is expected, not a second problem. */
export function statusIsFailure(view: ResponseView): boolean {
  const { value } = topStatusCode(view);
  return value !== undefined && value !== STATUS_SUCCESS;
}

/** An attribute that is absent or holds only whitespace: to AWS, both are missing. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** The Response and, when there is exactly one, its Assertion, each with the name messages use. */
export function responseAndAssertion(view: ResponseView): Array<[name: 'Response' | 'Assertion', element: Element]> {
  return view.assertion ? [['Response', view.root], ['Assertion', view.assertion]] : [['Response', view.root]];
}

/** An element's local name (`Conditions`), which messages use whatever prefix the IdP chose. */
export function localNameOf(element: Element): string {
  return element.localName ?? element.tagName;
}

/**
 * Whether a URL in the response names the expected one. Scheme and host compare without case and a
 * default port is the same as none (RFC 3986 §6.2.2–6.2.3); the path and query compare exactly.
 * Values that are not absolute URLs compare as plain text.
 */
export function sameUrl(found: string, expected: string): boolean {
  if (found === expected) return true;
  try {
    return new URL(found.trim()).href === new URL(expected.trim()).href;
  } catch {
    return false;
  }
}

/** Severity for rules whose consequence AWS does not document: an error for a generic SP, a warning for AWS. */
export function warningForAws(profile: Profile): Severity | undefined {
  return profile === 'aws' ? 'warning' : undefined;
}
