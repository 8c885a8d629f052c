import { NS, attribute, childElements, descendants, isMetadataRoot } from '../xml/dom.js';

const ROOT_NAMES = ['EntityDescriptor', 'EntitiesDescriptor'];

/** The entityID of AWS's own SP metadata (facts §6). */
export const AWS_SP_ENTITY_ID = 'urn:amazon:webservices';

/**
 * A root that was meant to be SAML metadata without being a valid metadata root: an element of the
 * metadata namespace with another name, or a metadata root name in another (or no) namespace.
 */
export function isMalformedMetadataRoot(root: Element): boolean {
  if (isMetadataRoot(root)) return false;
  return root.namespaceURI === NS.md || ROOT_NAMES.includes(root.localName ?? root.tagName);
}

/** Every `md:EntityDescriptor` of a metadata document: the root itself, or those an EntitiesDescriptor groups. */
export function entityDescriptors(root: Element): Element[] {
  if (!isMetadataRoot(root)) return [];
  return root.localName === 'EntityDescriptor' ? [root] : descendants(root, NS.md, 'EntityDescriptor');
}

/** Whether an entity describes an identity provider (it has an `md:IDPSSODescriptor`). */
export function isIdentityProvider(entity: Element): boolean {
  return childElements(entity, NS.md, 'IDPSSODescriptor').length > 0;
}

/** The entity's entityID, trimmed; undefined when absent or blank. */
export function entityIdOf(entity: Element): string | undefined {
  return attribute(entity, 'entityID')?.trim() || undefined;
}
