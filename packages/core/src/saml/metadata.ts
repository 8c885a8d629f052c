import { certificateFromBase64, type CertificateResult } from '../sig/certificates.js';
import { NS, attribute, childElements, descendants, isMetadataRoot, textOf } from '../xml/dom.js';

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

/** Whether an entity is AWS's own SP metadata (`saml-metadata.xml`): its entityID and an SPSSODescriptor. */
export function isAwsServiceProvider(entity: Element): boolean {
  return entityIdOf(entity) === AWS_SP_ENTITY_ID && childElements(entity, NS.md, 'SPSSODescriptor').length > 0;
}

/** AWS's SP metadata (`saml-metadata.xml`), which users edit before giving it to their IdP: it describes AWS, no IdP. */
export function isAwsSpMetadata(root: Element): boolean {
  const entities = entityDescriptors(root);
  return entities.some(isAwsServiceProvider) && !entities.some(isIdentityProvider);
}

export type KeyUse = 'signing' | 'encryption';

/** One `ds:X509Certificate` of an IdP's KeyDescriptor, read. */
export interface KeyCertificate {
  entity: Element;
  /** The IDPSSODescriptor. */
  descriptor: Element;
  element: Element;
  /** A KeyDescriptor without `use` serves both (SAML 2.0 Metadata §2.4.1.1). */
  uses: readonly KeyUse[];
  /** The certificate's base64 DER without whitespace: equal texts are the same certificate. */
  base64: string;
  result: CertificateResult;
}

/** The source every metadata certificate is reported under (see `Certificate.source`). */
export const METADATA_CERTIFICATE_SOURCE = 'metadata';

// Several rules read the same certificates; parsing each element once keeps a large document cheap.
const READ = new WeakMap<Element, CertificateResult>();

function readCertificate(element: Element, base64: string): CertificateResult {
  let result = READ.get(element);
  if (!result) {
    result = certificateFromBase64(base64, METADATA_CERTIFICATE_SOURCE);
    READ.set(element, result);
  }
  return result;
}

/** Every certificate in the KeyDescriptors of the metadata's identity providers, in document order. */
export function idpKeyCertificates(root: Element): KeyCertificate[] {
  return entityDescriptors(root).flatMap((entity) =>
    childElements(entity, NS.md, 'IDPSSODescriptor').flatMap((descriptor) =>
      childElements(descriptor, NS.md, 'KeyDescriptor').flatMap((keyDescriptor) => {
        const use = attribute(keyDescriptor, 'use');
        const uses: KeyUse[] = use === 'signing' || use === 'encryption' ? [use] : ['signing', 'encryption'];
        return descendants(keyDescriptor, NS.ds, 'X509Certificate').map((element) => {
          const base64 = textOf(element).replace(/\s+/g, '');
          return { entity, descriptor, element, uses, base64, result: readCertificate(element, base64) };
        });
      }),
    ),
  );
}
