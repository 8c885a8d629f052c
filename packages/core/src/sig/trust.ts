import { NS, attribute, childElements, descendants, isMetadataRoot, textOf } from '../xml/dom.js';
import { parseXml, type XmlDocument } from '../xml/parse.js';
import { certificateFromBase64, readCertificates, type Certificate } from './certificates.js';

export interface Trust {
  certificates: Certificate[];
  /** The IdP's entityID from --metadata, the Issuer AWS expects (facts AWS-ISS-001). */
  metadataEntityId?: string;
  /** The --metadata document, when it is SAML metadata at all. */
  metadataDocument?: XmlDocument;
  problems: string[];
}

/** The certificates a caller trusts: --cert texts, and the signing KeyDescriptors of --metadata. */
export function resolveTrust(certificates: readonly string[] = [], metadata?: string): Trust {
  const trust: Trust = { certificates: [], problems: [] };
  certificates.forEach((text, i) => {
    for (const result of readCertificates(text, `--cert #${i + 1}`)) {
      if (result.ok) trust.certificates.push(result.certificate);
      else trust.problems.push(result.problem);
    }
  });
  if (metadata !== undefined) readMetadata(metadata, trust);
  return trust;
}

function readMetadata(text: string, trust: Trust): void {
  const parsed = parseXml(text.replace(/^\uFEFF/, ''));
  const root = parsed.doc?.root;
  if (!root || !isMetadataRoot(root)) {
    trust.problems.push('--metadata: not a SAML metadata document (EntityDescriptor or EntitiesDescriptor)');
    return;
  }
  trust.metadataDocument = parsed.doc;
  // An EntitiesDescriptor may hold many entities; the IdP is the one with an IDPSSODescriptor.
  const entity = [root, ...descendants(root, NS.md, 'EntityDescriptor')].find(
    (e) => e.localName === 'EntityDescriptor' && childElements(e, NS.md, 'IDPSSODescriptor').length > 0,
  );
  // Metadata without an IdP is MD005's finding, located in the metadata file.
  if (!entity) return;
  trust.metadataEntityId = attribute(entity, 'entityID');
  let found = 0;
  for (const idp of childElements(entity, NS.md, 'IDPSSODescriptor')) {
    for (const key of childElements(idp, NS.md, 'KeyDescriptor')) {
      if (attribute(key, 'use') === 'encryption') continue;
      for (const cert of descendants(key, NS.ds, 'X509Certificate')) {
        found++;
        const result = certificateFromBase64(textOf(cert), 'metadata');
        if (result.ok) trust.certificates.push(result.certificate);
        else trust.problems.push(`--metadata: ${result.problem}`);
      }
    }
  }
  if (found === 0) trust.problems.push('--metadata: the IDPSSODescriptor has no signing certificate (KeyDescriptor)');
}
