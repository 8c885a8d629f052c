import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeForDisplay } from '../src/index.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');

describe('decodeForDisplay', () => {
  it('decodes the first login of a HAR file, with its relay state, as the XML exactly as posted', () => {
    const decoded = decodeForDisplay(vector('capture/har-two-logins.har'), { raw: true });
    expect(decoded.detected).toMatch(/^HAR .*, form body with SAMLResponse and RelayState$/);
    // The first of the two logins: the second is jane.doe+agent's.
    expect(decoded.xml).toMatch(/^<\?xml[^]*>jane\.doe@example\.com<[^]*<\/samlp:Response>\n$/);
    expect(decoded.relayState).toMatch(/^https:\/\/eu-west-2\.console\.aws\.amazon\.com\/connect\/federate\//);
    expect(decoded.findings).toEqual([]);
  });

  it('decodes a SAML-tracer export’s login, and says why when a file has none', () => {
    const tracer = decodeForDisplay(vector('capture/saml-tracer-unmasked.json'));
    expect(tracer.detected).toMatch(/^SAML-tracer export .*, base64 SAMLResponse$/);
    expect(tracer.xml).toMatch(/^<samlp:Response [^]*>jane\.doe@example\.com</);
    const none = decodeForDisplay(vector('capture/har-no-saml-login.har'));
    expect(none.xml).toBeUndefined();
    expect(none.findings.map((f) => f.code)).toEqual(['IN012']);
  });
});
