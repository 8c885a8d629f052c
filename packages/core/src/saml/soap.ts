import { NS, childElements, firstChild, textOf } from '../xml/dom.js';

/** SOAP 1.1 (the SAML SOAP binding, PAOS) and SOAP 1.2 envelope namespaces. */
const SOAP_VERSIONS: Record<string, '1.1' | '1.2'> = {
  'http://schemas.xmlsoap.org/soap/envelope/': '1.1',
  'http://www.w3.org/2003/05/soap-envelope': '1.2',
};

/** Header blocks of the ECP profile (SAML profiles §4.2.4): `ecp:Response`, `ecp:RelayState`, `paos:Request`… */
const ECP_HEADER_NAMESPACES = new Set(['urn:oasis:names:tc:SAML:2.0:profiles:SSO:ecp', 'urn:liberty:paos:2003-08']);

/** A SOAP envelope around a SAML message: how an ECP client (Shibboleth ECP, PAOS) receives the IdP's Response. */
export interface SoapEnvelope {
  version: '1.1' | '1.2';
  envelope: Element;
  body?: Element;
  /**
   * What the Body carries: its `samlp:Response` when it has one, else a `Fault`, else its first element.
   * The header blocks are the ECP client's business and are not read.
   */
  payload?: Element;
  /** The Header holds ECP or PAOS header blocks. */
  ecp: boolean;
}

/** The SOAP envelope a document's root is, if it is one. */
export function readSoapEnvelope(root: Element): SoapEnvelope | undefined {
  const version = root.localName === 'Envelope' ? SOAP_VERSIONS[root.namespaceURI ?? ''] : undefined;
  if (!version) return undefined;
  const namespace = root.namespaceURI as string;
  const header = firstChild(root, namespace, 'Header');
  const body = firstChild(root, namespace, 'Body');
  const content = body ? childElements(body) : [];
  const payload =
    content.find((e) => e.namespaceURI === NS.samlp && e.localName === 'Response') ??
    content.find((e) => isFault(e, namespace)) ??
    content[0];
  const ecp = header ? childElements(header).some((e) => ECP_HEADER_NAMESPACES.has(e.namespaceURI ?? '')) : false;
  return { version, envelope: root, body, payload, ecp };
}

/** `SOAP 1.1 envelope (ECP)`, for the detected line. */
export function describeEnvelope(envelope: SoapEnvelope): string {
  return `SOAP ${envelope.version} envelope${envelope.ecp ? ' (ECP)' : ''}`;
}

export function isFault(element: Element, soapNamespace: string): boolean {
  return element.namespaceURI === soapNamespace && element.localName === 'Fault';
}

/** A fault's words are printed: at most this many characters of each. */
const MAX_FAULT_TEXT = 200;

/**
 * A Fault's code and reason, as the IdP wrote them: SOAP 1.1's `faultcode` and `faultstring` (unqualified),
 * SOAP 1.2's `Code/Value` and `Reason/Text`.
 */
export function faultOf(fault: Element, version: SoapEnvelope['version']): { code: string; reason: string } {
  return version === '1.1'
    ? { code: textAlong(fault, 'faultcode'), reason: textAlong(fault, 'faultstring') }
    : { code: textAlong(fault, 'Code', 'Value'), reason: textAlong(fault, 'Reason', 'Text') };
}

/** The text of the first child with each local name in turn, whatever its namespace; blanks collapsed, bounded. */
function textAlong(element: Element, ...names: string[]): string {
  let current: Element | undefined = element;
  for (const name of names) current = current && childElements(current).find((child) => child.localName === name);
  const text = current ? textOf(current).replace(/\s+/g, ' ').trim() : '';
  return text.length > MAX_FAULT_TEXT ? `${text.slice(0, MAX_FAULT_TEXT - 1)}…` : text;
}
