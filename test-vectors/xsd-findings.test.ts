// Which documents draw schema (XSD) findings, listed by name: every vector, every real-world document
// and every file of the python3-saml corpus (issue 14). A clean document never does; the ones that do
// break the schema on purpose (xsd/), for another rule's sake (sig/, saml/, md/), or were redacted or
// sanitised upstream (real-world: labels.json gives the reason for each, and xmllint agrees).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFile, type LintOptions } from '@samlint/core';
import { MANIFEST, loadVector } from './manifest.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The vectors with XSD findings, and their codes. */
const VECTORS: Record<string, string[]> = {
  'md/metadata-cache-duration-seconds.xml': ['XSD005'],
  'md/metadata-certificate-pem-armour.xml': ['XSD005'],
  'md/metadata-entity-id-missing.xml': ['XSD003'],
  'md/metadata-root-invalid.xml': ['XSD006'],
  'md/metadata-sso-service-missing.xml': ['XSD002'],
  'saml/assertion-id-missing.xml': ['XSD003'],
  'saml/assertion-issuer-missing.xml': ['XSD002'],
  'saml/time-value-not-xs-datetime.xml': ['XSD005'],
  'sig/duplicated-id.xml': ['XSD005'],
  'sig/id-attribute-capital-i.xml': ['XSD003', 'XSD004'],
  'sig/id-attribute-lower-case.xml': ['XSD003', 'XSD004'],
  'sig/id-attribute-wsu-id.xml': ['XSD003', 'XSD004'],
  'sig/id-attribute-xml-id.xml': ['XSD003', 'XSD004'],
  'sig/look-alike-assertion-lower-case.xml': ['XSD006'],
  'sig/look-alike-assertion-no-namespace.xml': ['XSD001'],
  'sig/look-alike-assertion-rebound-prefix.xml': ['XSD001'],
  'sig/look-alike-assertion-saml1.xml': ['XSD001'],
  'sig/unsigned-attributes-under-response.xml': ['XSD001'],
  'sig/xsw1-response-cloned-into-signature.xml': ['XSD001', 'XSD005'],
  'sig/xsw2-response-cloned-before-signature.xml': ['XSD001', 'XSD005'],
  'sig/xsw4-evil-assertion-wraps.xml': ['XSD001'],
  'sig/xsw6-original-inside-signature.xml': ['XSD001'],
  'sig/xsw7-evil-assertion-in-extensions.xml': ['XSD005'],
  'sig/xsw8-original-in-signature-object.xml': ['XSD005'],
  'xsd/attribute-statement-unknown-element.xml': ['XSD006'],
  'xsd/authn-context-class-ref-malformed-uri.xml': ['XSD005'],
  'xsd/authn-context-missing.xml': ['XSD002'],
  'xsd/conditions-attribute-unknown.xml': ['XSD004'],
  'xsd/issue-14-example.xml': ['XSD001', 'XSD004', 'XSD006'],
  'xsd/metadata-contact-type-invalid.xml': ['XSD005'],
  'xsd/metadata-elements-out-of-order.xml': ['XSD001'],
  'xsd/name-id-after-subject-confirmation.xml': ['XSD001'],
  'xsd/response-issuer-after-status.xml': ['XSD001'],
  'xsd/subject-confirmation-method-missing.xml': ['XSD003'],
};

/** Real-world documents (test-vectors/real-world) with XSD findings: each reason is in labels.json. */
const REAL_WORLD: Record<string, string[]> = {
  'aws-okta-processor/SAML_RESPONSE': ['XSD005'],
  'crewjam-saml/TestSPRealWorldAssertionSignedNotResponse_response': ['XSD005'],
  'crewjam-saml/TestSPRealWorldKeyInfoHasRSAPublicKeyNotX509Cert_response': ['XSD005'],
  'pac4j/sample_authn_response_from_ukamf.xml': ['XSD005'],
  'saml2aws/aad-SAMLResponse.html': ['XSD005'],
  'saml2aws/aad-SAMLResponse.xml': ['XSD005'],
  'saml2aws/assertion.xml': ['XSD005'],
};

/**
 * python3-saml's fixtures (test-vectors/conformance/python3-saml) with XSD findings: its METADATA_INVALID_XML
 * one, and responses python3-saml rejects whose defect also breaks the schema (xmllint refuses each). None
 * that python3-saml accepts (CONTROL) is here.
 */
const PYTHON3_SAML: Record<string, string[]> = {
  'metadata/noentity_metadata_settings1.xml': ['XSD006'],
  'responses/invalids/no_id.xml.base64': ['XSD002', 'XSD003'],
  'responses/invalids/no_issuer_assertion.xml.base64': ['XSD002'],
  'responses/invalids/no_key.xml.base64': ['XSD002'],
  'responses/invalids/no_status.xml.base64': ['XSD002'],
  'responses/invalids/no_status_code.xml.base64': ['XSD002'],
  'responses/invalids/not_after_failed.xml.base64': ['XSD002'],
  'responses/invalids/not_before_failed.xml.base64': ['XSD002'],
  'responses/invalids/signature_wrapping_attack.xml.base64': ['XSD001', 'XSD002', 'XSD005'],
  'responses/invalids/signature_wrapping_attack2.xml.base64': ['XSD001'],
  'responses/response_node_text_attack.xml.base64': ['XSD005'],
  'responses/wrapped_response_2.xml.base64': ['XSD001'],
};

function xsdCodes(text: string, options: LintOptions = {}): string[] {
  const codes = lintFile(text, options).flatMap((result) => result.findings.map((f) => f.code));
  return [...new Set(codes.filter((code) => code.startsWith('XSD')))].sort();
}

function filesUnder(root: string, skip: (name: string) => boolean): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (skip(name)) return [];
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
  return walk(root).sort();
}

function withFindings(files: string[], codesOf: (file: string) => string[]): Record<string, string[]> {
  return Object.fromEntries(files.map((file) => [file, codesOf(file)] as const).filter(([, codes]) => codes.length));
}

describe('schema findings fall exactly on the documents listed', () => {
  it('test vectors', () => {
    const found = withFindings(MANIFEST.map((entry) => entry.file), (file) => {
      const { text, options } = loadVector(MANIFEST.find((entry) => entry.file === file) as (typeof MANIFEST)[number]);
      return xsdCodes(text, options);
    });
    expect(found).toEqual(VECTORS);
  }, 120_000);

  it('no clean vector', () => {
    for (const entry of MANIFEST.filter((e) => e.file.startsWith('clean/'))) expect(VECTORS[entry.file]).toBeUndefined();
  });

  it('real-world documents', () => {
    const root = join(HERE, 'real-world');
    const files = filesUnder(root, (name) => ['LICENSES', 'README.md', 'labels.json'].includes(name));
    expect(withFindings(files, (file) => xsdCodes(readFileSync(join(root, file), 'utf8')))).toEqual(REAL_WORLD);
  });

  it('python3-saml’s fixtures', () => {
    const root = join(HERE, 'conformance/python3-saml');
    const files = filesUnder(root, (name) => ['LICENSE', 'labels.json'].includes(name));
    expect(withFindings(files, (file) => xsdCodes(readFileSync(join(root, file), 'utf8')))).toEqual(PYTHON3_SAML);
    const { fixtures }: { fixtures: { file: string; expect: string }[] } = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8'));
    const accepted = fixtures.filter((f) => f.expect === 'CONTROL' || f.expect === 'AUDIENCE_MISSING').map((f) => f.file);
    expect(accepted.length).toBeGreaterThan(0);
    for (const file of accepted) expect(PYTHON3_SAML[file], file).toBeUndefined();
    expect(PYTHON3_SAML[fixtures.find((f) => f.expect === 'METADATA_INVALID_XML')?.file ?? '']).toEqual(['XSD006']);
  });
});
