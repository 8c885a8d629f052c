// The configuration as the view the AWS and CX rules read (decision 0008): a synthetic samlp:Response
// holding the app's configured values, with a map from each value's place in it back to the file.
import type { AttributeConfig, ConfigValue, SamlAppConfig } from '../model/idp-config.js';

/** Where a value written into the synthetic XML came from; `value` is undefined for a whole element (an Attribute). */
export interface Placement {
  /** Offsets in the synthetic XML. */
  start: number;
  end: number;
  /** The configured value; for an element, the state that decides whether findings about it stand. */
  value: ConfigValue<string | boolean>;
}

export interface SyntheticResponse {
  xml: string;
  placements: Placement[];
}

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** What stands in the XML for a value no rule may judge: it keeps an expression-valued attribute present. */
const PLACEHOLDER = 'not-checked';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/**
 * Writes the app's ACS/Recipient, Destination, Audience and attribute statements, and nothing else a
 * rule could read: no Issuer, NameID, times or signatures, which settings do not have. A value not
 * known is written as a placeholder only where its absence would read as "missing" (an attribute).
 */
export function synthesize(app: SamlAppConfig): SyntheticResponse {
  const placements: Placement[] = [];
  let xml = '';
  const write = (text: string) => (xml += text);
  const place = (value: ConfigValue, text: string) => {
    const start = xml.length;
    write(escapeXml(text));
    placements.push({ start, end: xml.length, value });
  };
  const known = (value: ConfigValue) => (value.state === 'known' ? value : undefined);
  const recipient = known(app.recipient) ?? known(app.acs);
  const destination = known(app.destination) ?? known(app.acs);
  write(`<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="_config" Version="2.0"`);
  if (destination) {
    write(' Destination="');
    place(destination, destination.value);
    write('"');
  }
  write('>\n<saml:Assertion ID="_config_assertion" Version="2.0">\n');
  if (recipient) {
    write('<saml:Subject><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData Recipient="');
    place(recipient, recipient.value);
    write('"/></saml:SubjectConfirmation></saml:Subject>\n');
  }
  const audience = known(app.audience);
  if (audience) {
    write('<saml:Conditions><saml:AudienceRestriction><saml:Audience>');
    place(audience, audience.value);
    write('</saml:Audience></saml:AudienceRestriction></saml:Conditions>\n');
  }
  if (app.attributes.length) {
    write('<saml:AttributeStatement>\n');
    for (const attribute of app.attributes) writeAttribute(attribute);
    write('</saml:AttributeStatement>\n');
  }
  write('</saml:Assertion>\n</samlp:Response>\n');
  return { xml, placements };

  function writeAttribute(attribute: AttributeConfig): void {
    const start = xml.length;
    write(`<saml:Attribute Name="${escapeXml(attribute.name)}">`);
    for (const value of attribute.values) {
      write('<saml:AttributeValue>');
      place(value, value.state === 'known' ? value.value : PLACEHOLDER);
      write('</saml:AttributeValue>');
    }
    write('</saml:Attribute>\n');
    const whole: ConfigValue = { state: 'known', value: attribute.name, path: attribute.path, range: attribute.range, verbatim: false };
    placements.push({ start, end: xml.length, value: whole });
  }
}
