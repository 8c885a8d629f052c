import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResponse } from '../../../test-vectors/lib/response.mjs';
import { lint } from '../src/index.js';
import { parseXml } from '../src/xml/parse.js';
import { hasSchemaFor } from '../src/xsd/validate.js';
import { IDP, awsSp, idp, idpWith, key, sso } from './metadata-fixtures.js';
import { requireXmllint } from './support/xmllint.js';

/**
 * samlint's schema verdict (an XSD finding or none) must be libxml2's: `xmllint --schema` over the same
 * bundled schemas decides every XML vector, real-world document and python3-saml fixture, and a generated
 * set of small documents around each kind of violation and each lexical rule samlint reproduces.
 *
 * Compared are the documents samlint validates as a whole: those whose root is in a namespace of the
 * bundled schemas. samlint does not validate a SOAP envelope or a root of another namespace (it
 * validates an envelope's SAML payload, which xmllint cannot be pointed at), so those are left out.
 * Where samlint differs on purpose, the document is in DIFFERENT with the reason, and the test asserts
 * that the two still disagree there (so the list stays true).
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMAS = join(ROOT, 'packages/core/schemas/saml');

/** The bundled schemas' imports name W3C URLs; a driver imports each namespace from its local file first, so none is fetched. */
const DRIVER_IMPORTS: Array<[string, string]> = [
  ['http://www.w3.org/XML/1998/namespace', 'xml.xsd'],
  ['http://www.w3.org/2000/09/xmldsig#', 'xmldsig-core-schema.xsd'],
  ['http://www.w3.org/2001/04/xmlenc#', 'xenc-schema.xsd'],
  ['urn:oasis:names:tc:SAML:2.0:assertion', 'saml-schema-assertion-2.0.xsd'],
  ['urn:oasis:names:tc:SAML:2.0:protocol', 'saml-schema-protocol-2.0.xsd'],
  ['urn:oasis:names:tc:SAML:2.0:metadata', 'saml-schema-metadata-2.0.xsd'],
  ['urn:oasis:names:tc:SAML:metadata:attribute', 'sstc-metadata-attr.xsd'],
  ['urn:oasis:names:tc:SAML:attribute:ext', 'sstc-saml-attribute-ext.xsd'],
  ['urn:oasis:names:tc:SAML:metadata:algsupport', 'sstc-saml-metadata-algsupport-v1.0.xsd'],
  ['urn:oasis:names:tc:SAML:metadata:ui', 'sstc-saml-metadata-ui-v1.0.xsd'],
];

/** Documents where samlint's verdict is not libxml2's on purpose, and why. */
const DIFFERENT: Record<string, string> = {
  'real-world/saml2aws/ADFS-AWS-SAML.xml':
    'AD FS metadata: RoleDescriptors with xsi:type fed:SecurityTokenServiceType, a WS-Federation extension whose schema is not bundled; an extension point is never a finding (issue 14), libxml2 refuses the unknown type',
  'real-world/aspnetkatana/federationmetadata.xml': 'Entra ID federation metadata: the same WS-Federation RoleDescriptors as AD FS metadata above',
  'real-world/ruby-saml/idp_descriptor_multiple_certs.xml': 'as for the Entra ID federation metadata above',
  'generated: RoleDescriptor with an xsi:type of another vocabulary': 'as for AD FS metadata above',
};

const RESPONSE = buildResponse();
const NAME_ID = /<saml:NameID[^>]*>[^<]*<\/saml:NameID>/.exec(RESPONSE)?.[0] ?? '';
const withAttributeValue = (value: string) =>
  RESPONSE.replace(/(<saml:AttributeStatement>)/, `$1<saml:Attribute Name="x"><saml:AttributeValue ${value}</saml:AttributeValue></saml:Attribute>`);
const certificate = (text: string) => idpWith(key() + sso()).replace(/<ds:X509Certificate>[^<]*</, `<ds:X509Certificate>${text}<`);

/** Small documents on either side of each rule samlint applies. */
const GENERATED: Record<string, string> = {
  'a response': RESPONSE,
  'a response with both signature templates': buildResponse({ sign: 'both' }),
  'IdP metadata': idpWith(key() + sso()),
  'AWS SP metadata': awsSp(),
  'Issuer after Status': RESPONSE.replace(/\n {2}<saml:Issuer>[^<]*<\/saml:Issuer>/, '').replace('</samlp:Status>', '</samlp:Status><saml:Issuer>x</saml:Issuer>'),
  'NameID after SubjectConfirmation': RESPONSE.replace(NAME_ID, '').replace('</saml:SubjectConfirmation>', `</saml:SubjectConfirmation>${NAME_ID}`),
  'two Subjects': RESPONSE.replace(/(<saml:Subject>[\s\S]*?<\/saml:Subject>)/, '$1$1'),
  'text in element-only content': RESPONSE.replace('<samlp:StatusCode', 'ok<samlp:StatusCode'),
  'an element in simple content': RESPONSE.replace('</saml:Audience>', '<b/></saml:Audience>'),
  'Status without StatusCode': RESPONSE.replace(/<samlp:StatusCode[^>]*\/>/, ''),
  'Response without Status': RESPONSE.replace(/<samlp:Status>[\s\S]*?<\/samlp:Status>/, ''),
  'Response without ID': buildResponse({ responseId: null }),
  'Assertion without Version': buildResponse({ assertionVersion: null }),
  'an unknown attribute': RESPONSE.replace('<saml:Conditions ', '<saml:Conditions Foo="1" '),
  'an attribute of another namespace under anyAttribute': RESPONSE.replace('<saml:SubjectConfirmationData ', '<saml:SubjectConfirmationData xmlns:x="urn:x" x:a="1" '),
  'an attribute of another namespace without anyAttribute': RESPONSE.replace('<saml:Assertion ', '<saml:Assertion xmlns:x="urn:x" x:a="1" '),
  'an unknown SAML element': RESPONSE.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><saml:Atribute Name="x"/>'),
  'an element of another namespace in Extensions': RESPONSE.replace('\n  <samlp:Status>', '<samlp:Extensions><x:e xmlns:x="urn:x"/></samlp:Extensions><samlp:Status>'),
  'an element of another namespace outside any wildcard': RESPONSE.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><x:e xmlns:x="urn:x"/>'),
  'a duplicated ID': buildResponse({ responseId: '_same', assertionId: '_same' }),
  'an ID starting with a digit': buildResponse({ responseId: '1abc' }),
  'dateTime without T': buildResponse({ issueInstant: '2026-11-27 09:00:00Z' }),
  'dateTime without a zone': buildResponse({ issueInstant: '2026-11-27T09:00:00' }),
  'dateTime 24:00:00': buildResponse({ issueInstant: '2026-11-27T24:00:00Z' }),
  'dateTime +14:00': buildResponse({ issueInstant: '2026-11-27T09:00:00+14:00' }),
  'dateTime +14:30': buildResponse({ issueInstant: '2026-11-27T09:00:00+14:30' }),
  'dateTime 29 February in a leap year': buildResponse({ issueInstant: '2028-02-29T09:00:00Z' }),
  'dateTime 29 February otherwise': buildResponse({ issueInstant: '2026-02-29T09:00:00Z' }),
  'dateTime with a fraction': buildResponse({ issueInstant: '2026-11-27T09:00:00.123456Z' }),
  'dateTime one-digit month': buildResponse({ issueInstant: '2026-1-27T09:00:00Z' }),
  'anyURI with a space': buildResponse({ destination: 'https://signin.aws.amazon.com/saml here' }),
  'anyURI with a broken escape': buildResponse({ destination: 'https://signin.aws.amazon.com/saml%zz' }),
  'anyURI with an unclosed IPv6 literal': buildResponse({ destination: 'https://[::1/saml' }),
  'anyURI starting with a colon': buildResponse({ destination: ':saml' }),
  'base64 with stray characters': certificate('...'),
  'base64 of three letters': certificate('XXX'),
  'base64 padding after stray bits': certificate('AB=='),
  'base64 padding after clean bits': certificate('AA=='),
  'base64 with PEM lines': certificate('-----BEGIN CERTIFICATE-----MIIB-----END CERTIFICATE-----'),
  'duration in seconds': idp(`entityID="${IDP}" cacheDuration="86400"`),
  'duration P': idp(`entityID="${IDP}" cacheDuration="P"`),
  'duration PT1.5S': idp(`entityID="${IDP}" cacheDuration="PT1.5S"`),
  'boolean yes': idpWith(sso()).replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor WantAuthnRequestsSigned="yes" '),
  'boolean 1': idpWith(sso()).replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor WantAuthnRequestsSigned="1" '),
  'xml:lang en-GB': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:Organization><md:OrganizationName xml:lang="en-GB">E</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">E</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://e</md:OrganizationURL></md:Organization></md:EntityDescriptor>'),
  'xml:lang en_US': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:Organization><md:OrganizationName xml:lang="en_US">E</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">E</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://e</md:OrganizationURL></md:Organization></md:EntityDescriptor>'),
  'an enumeration value': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:ContactPerson contactType="technical"/></md:EntityDescriptor>'),
  'an enumeration value with spaces around it': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:ContactPerson contactType=" technical\n"/></md:EntityDescriptor>'),
  'an enumeration value with a space inside': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:ContactPerson contactType="tech  nical"/></md:EntityDescriptor>'),
  'dateTime with a trailing tab': buildResponse({ issueInstant: '2026-11-27T09:00:00Z&#9;' }),
  'base64 with a non-ASCII character': certificate('AA\u00e9=='),
  'outside an enumeration': idpWith(sso()).replace('</md:EntityDescriptor>', '<md:ContactPerson contactType="tech"/></md:EntityDescriptor>'),
  'entityID of 1024 characters': idp(`entityID="https://i/${'a'.repeat(1014)}"`),
  'entityID of 1025 characters': idp(`entityID="https://i/${'a'.repeat(1015)}"`),
  'unsignedShort 65536': awsSp().replace(/index="\d+"/, 'index="65536"'),
  'AttributeValue typed xs:string': withAttributeValue('xsi:type="xs:string">a'),
  'AttributeValue typed xs:integer, not one': withAttributeValue('xsi:type="xs:integer">a'),
  'AttributeValue holding elements': withAttributeValue('><x:e xmlns:x="urn:x"/>'),
  'a root of the metadata namespace that is no element': idpWith(sso()).replace(/md:EntityDescriptor\b/g, 'md:EntityDescriptor2'),
  'RoleDescriptor with an xsi:type of another vocabulary': idp(
    `entityID="${IDP}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706"`,
    'md:EntityDescriptor',
    '<md:RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706"/>',
  ),
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'LICENSES') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every XML document on disk (python3-saml's fixtures decoded from base64), by its path under test-vectors/. */
function documentsOnDisk(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of filesUnder(join(ROOT, 'test-vectors'))) {
    const name = relative(join(ROOT, 'test-vectors'), path);
    if (/\.xml$|_response$|_IDPMetadata$|_idp_metadata$/.test(path)) found[name] = readFileSync(path, 'utf8');
    else if (path.endsWith('.xml.base64')) found[name] = Buffer.from(readFileSync(path, 'utf8'), 'base64').toString('utf8');
  }
  return found;
}

describe('schema verdicts agree with libxml2 (xmllint --schema)', () => {
  if (!requireXmllint()) return;
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'samlint-xsd-'));
    const imports = DRIVER_IMPORTS.map(([ns, file]) => `<import namespace="${ns}" schemaLocation="${join(SCHEMAS, file)}"/>`).join('');
    writeFileSync(join(work, 'driver.xsd'), `<schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:samlint:driver">${imports}</schema>`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cases = [...Object.entries(documentsOnDisk()), ...Object.entries(GENERATED).map(([name, xml]) => [`generated: ${name}`, xml] as const)].filter(
    ([, xml]) => {
      const doc = parseXml(xml).doc;
      return doc !== undefined && hasSchemaFor(doc.root);
    },
  );

  it('compares a set covering every kind of violation and every XSD vector', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(cases.filter(([name]) => name.startsWith('xsd/')).length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, xml] of cases) {
    it(name, () => {
      const file = join(work, 'document.xml');
      writeFileSync(file, xml);
      const libxml2 = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(work, 'driver.xsd'), file], { encoding: 'utf8' });
      // 0: valid; 3: not valid against the schema. Anything else is a failure of the comparison itself.
      expect([0, 3], libxml2.stderr).toContain(libxml2.status);
      const samlint = lint(xml).findings.filter((f) => f.code.startsWith('XSD'));
      const agree = (libxml2.status === 0) === (samlint.length === 0);
      const detail = `libxml2: ${libxml2.stderr.split('\n').filter((l) => !l.includes('Skipping import')).join('\n')}\nsamlint: ${samlint.map((f) => `${f.code} ${f.message}`).join('\n')}`;
      expect(agree, detail).toBe(!(name in DIFFERENT));
    });
  }
});
