import { METADATA_CERTIFICATE_SOURCE, entityDescriptors, idpKeyCertificates, isIdentityProvider } from '../saml/metadata.js';
import { attribute, isMetadataRoot } from '../xml/dom.js';
import type { Certificate, TrustProblem } from '../model/certificate.js';
import type { XmlDocument } from '../model/xml.js';
import { parseXml } from '../xml/parse.js';
import { readCertificates } from './certificates.js';

export interface Trust {
  certificates: Certificate[];
  /** The IdP's entityID from --metadata, the Issuer AWS expects (facts AWS-ISS-001). */
  metadataEntityId?: string;
  /** The --metadata document, when it is SAML metadata at all. */
  metadataDocument?: XmlDocument;
  problems: TrustProblem[];
}

/** The certificates a caller trusts: --cert texts, and the signing KeyDescriptors of --metadata. */
export function resolveTrust(certificates: readonly string[] = [], metadata?: string): Trust {
  const trust: Trust = { certificates: [], problems: [] };
  certificates.forEach((text, i) => {
    for (const result of readCertificates(text, `--cert #${i + 1}`)) {
      if (result.ok) trust.certificates.push(result.certificate);
      else trust.problems.push({ kind: 'certificate-unreadable', source: result.source, problem: result.problem });
    }
  });
  if (metadata !== undefined) readMetadata(metadata, trust);
  return trust;
}

function readMetadata(text: string, trust: Trust): void {
  const parsed = parseXml(text.replace(/^\uFEFF/, ''));
  const root = parsed.doc?.root;
  if (!root || !isMetadataRoot(root)) {
    // Read as UTF-8, a UTF-16 file starts with U+FFFD (its byte order mark) and has a NUL after each ASCII letter.
    const notUtf8 = text.startsWith('\uFFFD') || text.includes('\u0000');
    trust.problems.push({ kind: notUtf8 ? 'metadata-not-utf8' : 'metadata-not-saml' });
    return;
  }
  trust.metadataDocument = parsed.doc;
  // An EntitiesDescriptor may hold many entities; the IdP is the one with an IDPSSODescriptor.
  const entity = entityDescriptors(root).find(isIdentityProvider);
  // No IdP (MD005), no signing certificate (MD010) and unreadable ones (MD009) are reported in the metadata file.
  if (!entity) return;
  trust.metadataEntityId = attribute(entity, 'entityID');
  for (const key of idpKeyCertificates(root)) {
    if (key.entity === entity && key.uses.includes('signing') && key.result.ok) trust.certificates.push(key.result.certificate);
  }
}

/** Fingerprints of the trusted certificates that came from --metadata, which the MD rules report. */
export function metadataFingerprints(certificates: readonly Certificate[]): Set<string> {
  return new Set(certificates.filter((c) => c.source === METADATA_CERTIFICATE_SOURCE).map((c) => c.fingerprint256));
}
