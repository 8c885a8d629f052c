// Helpers the MD rules share. Not a rule: index.ts does not export this module.
import { parseSignInEndpoint } from '../../aws/endpoints.js';
import type { SignInEndpoint } from '../../model/sign-in-endpoint.js';
import type { Location } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { entityDescriptors, isAwsServiceProvider, isIdentityProvider, type KeyCertificate } from '../../saml/metadata.js';
import { NS, attribute, childElements } from '../../xml/dom.js';

/** Whether the metadata describes an identity provider: the document IAM's CreateSAMLProvider takes. */
export function describesIdp(root: Element): boolean {
  return entityDescriptors(root).some(isIdentityProvider);
}

/** Every `md:IDPSSODescriptor` of the metadata's entities. */
export function idpDescriptors(root: Element): Element[] {
  return entityDescriptors(root).flatMap((entity) => childElements(entity, NS.md, 'IDPSSODescriptor'));
}

/** What a KeyDescriptor's certificate is for, in words: `signing`, `encryption`, or `signing and encryption`. */
export function useOf(key: KeyCertificate): string {
  return key.uses.join(' and ');
}

/** The first of each certificate (equal base64 DER), so a certificate listed twice is reported once. */
export function distinctCertificates(keys: readonly KeyCertificate[]): KeyCertificate[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    if (seen.has(key.base64)) return false;
    seen.add(key.base64);
    return true;
  });
}

/** Where a text offset of the metadata document is, in whichever artifact the metadata is. */
export function metadataOffset(ctx: RuleContext, start: number, end: number): Location | undefined {
  const metadata = ctx.metadata;
  return metadata ? { artifact: metadata.artifact, span: metadata.doc.source.span(start, end) } : undefined;
}

export interface AwsAssertionConsumer {
  element: Element;
  /** The Location, trimmed. */
  url: string;
  /** Undefined when the Location is not an AWS sign-in SAML endpoint. */
  endpoint?: SignInEndpoint;
}

/**
 * The AssertionConsumerServices of AWS's SP metadata (`urn:amazon:webservices`), for the
 * `sp-metadata` rules: they run only when the input is that metadata, which users edit (a regional
 * ACS) before giving it to their IdP. Given with --metadata it is the wrong document, which MD005 reports.
 */
export function awsAssertionConsumers(ctx: RuleContext): AwsAssertionConsumer[] {
  const root = ctx.metadata?.doc.root;
  if (!root) return [];
  return entityDescriptors(root)
    .filter(isAwsServiceProvider)
    .flatMap((entity) => childElements(entity, NS.md, 'SPSSODescriptor'))
    .flatMap((descriptor) => childElements(descriptor, NS.md, 'AssertionConsumerService'))
    .flatMap((element) => {
      const url = attribute(element, 'Location')?.trim();
      return url === undefined ? [] : [{ element, url, endpoint: parseSignInEndpoint(url) }];
    });
}

/**
 * The IdP-ID of a `/saml/acs/…` URL on an AWS sign-in host whose IdP-ID is not `[A-Z0-9]{22,64}`
 * (facts AWS-RCPT-002), as written; undefined for any other URL.
 */
export function malformedProviderId(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = /^\/saml\/acs(?:\/(.*))?$/.exec(parsed.pathname);
  if (!path || parseSignInEndpoint(url)?.kind === 'provider-acs') return undefined;
  parsed.pathname = '/saml';
  parsed.search = '';
  const host = parseSignInEndpoint(parsed.href);
  return host && host.kind !== 'global-resiliency' ? (path[1] ?? '') : undefined;
}
