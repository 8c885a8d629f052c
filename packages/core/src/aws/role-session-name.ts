import type { ResponseView } from '../model/response.js';
import { attributesNamed } from '../saml/response.js';
import { textOf } from '../xml/dom.js';
import { AWS_ATTRIBUTE } from './attributes.js';

export interface RoleSessionName {
  /** The AttributeValue element rules point at. */
  element: Element;
  /** Its full text, exactly as STS and Connect see it (no trimming). */
  value: string;
}

/**
 * The RoleSessionName value AWS uses: the first value of the first attribute with the exact name.
 * Whether there is exactly one is AWS006/AWS008's business; other rules read this one value.
 */
export function roleSessionName(view: ResponseView): RoleSessionName | undefined {
  const element = attributesNamed(view, AWS_ATTRIBUTE.roleSessionName)[0]?.values[0];
  return element ? { element, value: textOf(element) } : undefined;
}
