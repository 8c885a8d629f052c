import { readFileSync } from 'node:fs';
import { encrypt } from 'xml-encryption';
import { buildResponse, type ResponseOptions } from '../../../../test-vectors/lib/response.mjs';

const keys = new URL('../../../../test-vectors/keys/', import.meta.url);
export const SP_KEY = readFileSync(new URL('sp.key', keys), 'utf8');
export const SP_CERT = readFileSync(new URL('sp.crt', keys), 'utf8');
export const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';

/**
 * A response whose Assertion is replaced by an EncryptedAssertion, for unit tests only (xml-encryption
 * encrypts here; the committed vectors are encrypted by xmlsec1).
 */
export async function encryptedResponse(options: ResponseOptions = {}): Promise<string> {
  const xml = buildResponse(options);
  const assertion = /<saml:Assertion\b[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? '';
  const encrypted = await new Promise<string>((resolve, reject) =>
    encrypt(
      assertion,
      {
        rsa_pub: SP_CERT,
        pem: SP_CERT,
        encryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
        keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  return xml.replace(assertion, `<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`);
}
