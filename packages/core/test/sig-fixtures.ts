// Signed inputs for the SIG rule tests, without xmlsec1: the committed vectors it signed, read and
// rewritten as text by test-vectors/lib/manipulate.mjs. Nothing here signs anything.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../src/index.js';

const VECTORS = join(dirname(fileURLToPath(import.meta.url)), '../../../test-vectors');

/** A committed vector's text, by its path under test-vectors/. */
export function vector(path: string): string {
  return readFileSync(join(VECTORS, path), 'utf8');
}

/** The PEM of keys/<name>.crt (see keys/make-keys.sh). */
export function certificate(name: 'idp' | 'rotated' | 'weak1024' | 'weak512' | 'expired'): string {
  return vector(`keys/${name}.crt`);
}

/** SHA-256 fingerprint of keys/<name>.crt, as samlint prints it. */
export function fingerprint(name: Parameters<typeof certificate>[0]): string {
  return new X509Certificate(certificate(name)).fingerprint256;
}

/** Lint options trusting the named certificates, as --cert does. */
export function trusting(...names: Parameters<typeof certificate>[0][]): LintOptions {
  return { certificates: names.map(certificate) };
}

/** IdP metadata (as --metadata gives it) whose signing KeyDescriptors hold the named certificates. */
export function idpMetadata(...names: Parameters<typeof certificate>[0][]): string {
  const keys = names.map((name) => {
    const base64 = certificate(name).replace(/-----[A-Z ]+-----|\s/g, '');
    return `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  });
  return (
    '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="http://www.okta.com/exk1a2b3c4d5e6f7g8h9">' +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys.join('')}</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

/** The clean login, Response and Assertion signed by keys/idp. */
export const SIGNED_BOTH = vector('clean/clean-signed-both.xml');

/**
 * Only the Assertion signed: SIGNED_BOTH without the Response's Signature, which covered the Assertion
 * but is no part of what the Assertion's own signature covers.
 */
export const SIGNED_ASSERTION = SIGNED_BOTH.replace(/\n {2}<ds:Signature\b[\s\S]*?<\/ds:Signature>/, '');

/** Only the Response signed (its Assertion has no signature of its own). */
export const SIGNED_RESPONSE = vector('sig/assertion-unsigned.xml');
