/** What samlint reads from an Amazon Connect relay-state URL (facts §7, CX-SAML). */
export interface RelayState {
  raw: string;
  url?: URL;
  /** `commercial`: `https://{region}.console.aws.amazon.com/connect/federate/{id}`; `govcloud`: no region in the host. */
  form?: 'commercial' | 'govcloud';
  region?: string;
  instanceId?: string;
  /** The query string exactly as written (after `?`), because encoding mistakes live there. */
  rawQuery: string;
}

const COMMERCIAL_HOST = /^([a-z]{2}-[a-z]+-\d)\.console\.aws\.amazon\.com$/;
const GOVCLOUD_HOST = 'console.amazonaws-us-gov.com';
const FEDERATE_PATH = /^\/connect\/federate\/([^/?#]+)\/?$/;

export function parseRelayState(raw: string): RelayState {
  const trimmed = raw.trim();
  const queryAt = trimmed.indexOf('?');
  const relay: RelayState = { raw, rawQuery: queryAt < 0 ? '' : trimmed.slice(queryAt + 1) };
  try {
    relay.url = new URL(trimmed);
  } catch {
    return relay;
  }
  const host = relay.url.hostname.toLowerCase();
  const commercial = COMMERCIAL_HOST.exec(host);
  if (commercial) {
    relay.form = 'commercial';
    relay.region = commercial[1];
  } else if (host === GOVCLOUD_HOST) {
    relay.form = 'govcloud';
    relay.region = 'us-gov-west-1';
  }
  const path = FEDERATE_PATH.exec(relay.url.pathname);
  if (path) relay.instanceId = decodeURIComponentSafe(path[1] ?? '');
  return relay;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
