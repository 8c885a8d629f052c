import type { RelayState, RelayStateParam, RelayStateParts } from '../model/connect.js';

const COMMERCIAL_HOST = /^([a-z]{2}-[a-z]+-\d)\.console\.aws\.amazon\.com$/;
const GOVCLOUD_HOST = 'console.amazonaws-us-gov.com';
const FEDERATE_PATH = /^\/connect\/federate\/([^/?#]+)\/?$/;

export function parseRelayState(raw: string): RelayState {
  const trimmed = raw.trim();
  const queryAt = trimmed.indexOf('?');
  const lead = raw.length - raw.trimStart().length;
  const relay: RelayState = {
    raw,
    rawQuery: queryAt < 0 ? '' : trimmed.slice(queryAt + 1),
    params: queryAt < 0 ? [] : splitQuery(trimmed.slice(queryAt + 1), lead + queryAt + 1),
  };
  const parts = locateParts(trimmed, lead);
  if (parts) relay.parts = parts;
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

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
const FEDERATE_PREFIX = '/connect/federate/';

function locateParts(trimmed: string, lead: number): RelayStateParts | undefined {
  const match = URL_PARTS.exec(trimmed);
  if (!match) return undefined;
  const [, scheme = '', authority = '', path = ''] = match;
  const authorityStart = lead + scheme.length + 3;
  const pathStart = authorityStart + authority.length;
  const parts: RelayStateParts = {
    scheme: { start: lead, end: lead + scheme.length },
    authority: { start: authorityStart, end: pathStart },
    path: { start: pathStart, end: pathStart + path.length },
  };
  if (FEDERATE_PATH.test(path)) {
    const idStart = pathStart + FEDERATE_PREFIX.length;
    parts.instanceId = { start: idStart, end: idStart + path.slice(FEDERATE_PREFIX.length).replace(/\/$/, '').length };
  }
  return parts;
}

/** `a=b&c=d` as written; `offset` is where the query starts in `raw`. */
function splitQuery(query: string, offset: number): RelayStateParam[] {
  const params: RelayStateParam[] = [];
  let position = offset;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const rawValue = part.slice(eq + 1);
      params.push({
        name: part.slice(0, eq),
        rawValue,
        value: decodeURIComponentSafe(rawValue),
        valueRange: { start: position + eq + 1, end: position + part.length },
      });
    }
    position += part.length + 1;
  }
  return params;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
