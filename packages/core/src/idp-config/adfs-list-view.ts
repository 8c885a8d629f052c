// `Get-AdfsRelyingPartyTrust` as PowerShell prints it by default: the list view, one `Name : value`
// line per property, names padded to one width, a multi-line value (IssuanceTransformRules) continued
// on lines indented to the value's column, objects separated by a blank line. The layout is inferred
// (facts idp-config-exports.md §5 marks it [I]); docs/idp-config/adfs.md lists the assumptions.
// One pass over the lines: linear in the text, whatever it holds.
import type { InputRange } from '../model/capture.js';
import type { ConfigValue, NotCarried, SamlAppConfig } from '../model/idp-config.js';
import { adfsApp, type AdfsEndpoint, type AdfsTrust } from './adfs.js';
import { LocatedText, type LocatedTextBuilder } from './located-text.js';

/** `Name<padding> : value` at the start of a line; the value may be empty. */
const PROPERTY_LINE = /^([A-Za-z][A-Za-z0-9_]*) *:(?: |$)/;

interface ListProperty {
  name: string;
  nameRange: InputRange;
  value: LocatedText;
}

type ListRecord = Map<string, ListProperty>;

/** The names a trust's list view has and a claims-provider trust's does not, both checked before parsing. */
const TRUST_MARKS = [/^\uFEFF?Identifier *: /m, /^(?:IssuanceTransformRules|SamlResponseSignature) *:/m];

export function mayBeAdfsListView(text: string): boolean {
  return TRUST_MARKS.every((mark) => mark.test(text));
}

/** The records of a list view, each property's value with the place of each character. */
export function parseListView(text: string): ListRecord[] {
  const records: ListRecord[] = [];
  let record: ListRecord | undefined;
  let current: { property: Omit<ListProperty, 'value'>; value: LocatedTextBuilder; column: number } | undefined;
  /** Line breaks of blank lines since the last line with text: inside a value if a continuation follows. */
  let blanks: InputRange[] = [];
  let previousBreak: InputRange = { start: 0, end: 0 };
  const finish = () => {
    if (current && record) record.set(current.property.name, { ...current.property, value: current.value.build() });
    current = undefined;
  };
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const breakEnd = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end < text.length ? end + 1 : end;
    const lineStart = start === 0 && text[0] === '\uFEFF' ? 1 : start;
    let contentEnd = end;
    while (contentEnd > lineStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
    const first = text[lineStart];
    if (contentEnd === lineStart) {
      if (current) blanks.push(previousBreak);
    } else if ((first === ' ' || first === '\t') && current) {
      for (const blank of [...blanks, previousBreak]) current.value.addChar('\n', blank.start, blank.end);
      blanks = [];
      let from = lineStart;
      while (from < contentEnd && from - lineStart < current.column && (text[from] === ' ' || text[from] === '\t')) from++;
      current.value.add(text, from, contentEnd);
    } else {
      const property = PROPERTY_LINE.exec(text.slice(lineStart, Math.min(contentEnd, lineStart + 200)));
      const startsRecord = blanks.length > 0 || !record || (property && record.has(property[1] as string));
      finish();
      blanks = [];
      if (property) {
        if (startsRecord) records.push((record = new Map()));
        const name = property[1] as string;
        const valueStart = Math.min(lineStart + property[0].length, contentEnd);
        current = { property: { name, nameRange: { start: lineStart, end: lineStart + name.length } }, value: LocatedText.builder(valueStart).add(text, valueStart, contentEnd), column: property[0].length };
      }
    }
    previousBreak = { start: end, end: breakEnd };
    if (end >= text.length) break;
    start = breakEnd;
  }
  finish();
  return records;
}

const isTrustRecord = (record: ListRecord) => record.has('Identifier') && (record.has('IssuanceTransformRules') || record.has('SamlResponseSignature'));
const isEndpointRecord = (record: ListRecord) => record.has('Location') && (record.has('Protocol') || record.has('Binding'));

/** The trusts of a list view, or undefined when it holds none. Endpoint records (`(…).SamlEndpoints` printed after a trust) belong to the trust before them. */
export function readAdfsListView(text: string): SamlAppConfig[] | undefined {
  const records = parseListView(text);
  const trusts: Array<{ record: ListRecord; endpoints: ListRecord[] }> = [];
  for (const record of records) {
    if (isTrustRecord(record)) trusts.push({ record, endpoints: [] });
    else if (isEndpointRecord(record)) trusts[trusts.length - 1]?.endpoints.push(record);
  }
  if (!trusts.length) return undefined;
  return trusts.map(({ record, endpoints }, index) => adfsApp(listTrust(record, endpoints, trusts.length > 1 ? `[${index}].` : '')));
}

const SAML_ENDPOINT_TYPE = 'Microsoft.IdentityServer.Management.Resources.SamlEndpoint';

function listTrust(record: ListRecord, endpointRecords: ListRecord[], prefix: string): AdfsTrust {
  const at = (name: string) => `${prefix}${name}`;
  const field = (name: string): ConfigValue => record.get(name)?.value.known(at(name)) ?? { state: 'absent', path: at(name) };
  const identifier = record.get('Identifier') as ListProperty;
  const name = record.get('Name');
  const first = firstOfCollection(identifier.value);
  const notCarried: NotCarried[] = [];
  const endpointsShown = record.get('SamlEndpoints')?.value.text ?? '';
  if (!endpointRecords.length && endpointsShown.includes(SAML_ENDPOINT_TYPE)) {
    notCarried.push({
      what: 'the SAML endpoints (the ACS)',
      why: 'the list view prints them as a type name: add the output of `(Get-AdfsRelyingPartyTrust -Name …).SamlEndpoints` to the file, or export with `ConvertTo-Json -Depth 5`',
    });
  }
  const enabled = record.get('Enabled')?.value.text.toLowerCase();
  const rules = record.get('IssuanceTransformRules');
  return {
    name: name?.value.text || first.text || 'relying-party trust',
    range: name?.value.length ? name.value.range() : identifier.nameRange,
    prefix,
    identifier: first.known(at('Identifier[0]')),
    endpoints: endpointRecords.map((endpoint, i) => listEndpoint(endpoint, at(`SamlEndpoints[${i}]`))),
    signatureAlgorithm: field('SignatureAlgorithm'),
    samlResponseSignature: field('SamlResponseSignature'),
    ...(enabled === 'true' || enabled === 'false' ? { enabled: enabled === 'true' } : {}),
    ...(rules && { rules: rules.value }),
    notCarried,
    notRecognised: [],
  };
}

/** `{urn:amazon:webservices, https://…}`: the first item (list views print collections in braces, comma-separated). */
function firstOfCollection(value: LocatedText): LocatedText {
  const text = value.text;
  const open = text.startsWith('{') ? 1 : 0;
  let end = text.indexOf(',', open);
  if (end < 0) end = text.endsWith('}') ? text.length - 1 : text.length;
  // `$FormatEnumerationLimit` cuts a long collection with `...`.
  const item = text.slice(open, end).replace(/\.\.\.$/, '');
  const leading = item.length - item.trimStart().length;
  return value.slice(open + leading, open + item.trimEnd().length);
}

function listEndpoint(record: ListRecord, path: string): AdfsEndpoint {
  const text = (name: string) => record.get(name)?.value.text;
  const isDefault = text('IsDefault')?.toLowerCase();
  const index = Number.parseInt(text('Index') ?? '', 10);
  const protocol = text('Protocol');
  const binding = text('Binding');
  return {
    ...(protocol !== undefined && { protocol }),
    ...(binding !== undefined && { binding }),
    ...(isDefault === 'true' || isDefault === 'false' ? { isDefault: isDefault === 'true' } : {}),
    ...(Number.isFinite(index) && { index }),
    location: record.get('Location')?.value.known(`${path}.Location`) ?? { state: 'absent', path: `${path}.Location` },
  };
}
