import { defineRule } from '../define-rule.js';

const WHERE = 'in the IdP’s relay state setting (Okta: Default Relay State; Entra ID: Relay State; ADFS/Ping: the RelayState of the IdP-initiated URL)';
const EXPECTED = '`https://{region}.console.aws.amazon.com/connect/federate/{instance-id}` (GovCloud: `https://console.amazonaws-us-gov.com/connect/federate/{instance-id}`)';

/** The agent-facing Connect access URLs: the new domain and the legacy `awsapps.com` one. */
const ACCESS_URL_HOST = /\.(?:my\.connect\.aws|awsapps\.com)$/;
const REGIONLESS_CONSOLE_HOST = 'console.aws.amazon.com';
const FEDERATE_WITHOUT_ID = /^\/connect\/federate\/?$/;

export const CX004 = defineRule({
  meta: {
    code: 'CX004',
    name: 'relay-state-malformed',
    family: 'CX',
    stage: 'response',
    severity: 'error',
    summary: 'The relay state is not the Amazon Connect console federation URL for an instance',
    facts: ['CX-RS-001'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      notUrl: {
        message: 'relay state `{{value}}` is not a URL',
        help: `set ${EXPECTED} ${WHERE}`,
      },
      encoded: {
        message: 'relay state is URL-encoded as a whole',
        help: `enter the URL unencoded ${WHERE}, as ${EXPECTED}; the IdP encodes it once when it posts the form, and only a \`destination\` value inside it is percent-encoded`,
      },
      missingScheme: {
        message: 'relay state `{{value}}` has no `https://` scheme',
        help: `write the full URL ${EXPECTED} ${WHERE}`,
      },
      scheme: {
        message: 'relay state scheme is `{{scheme}}`, not `https`',
        help: `use ${EXPECTED} ${WHERE}`,
      },
      accessUrl: {
        message: 'relay state is the Connect access URL `{{host}}`, not the console federation URL',
        help: `agents sign in through AWS, not at the access URL (Connect does not support reverse federation): set ${EXPECTED} ${WHERE}; add \`?destination=…\` to land on a particular page`,
      },
      missingRegion: {
        message: 'relay state host `{{host}}` names no region',
        help: `put the instance’s region in the host, \`{region}.console.aws.amazon.com\`, ${WHERE}; the region is in the instance ARN \`arn:aws:connect:{region}:…\``,
      },
      host: {
        message: 'relay state host `{{host}}` is not the Connect console host',
        help: `use ${EXPECTED} ${WHERE}`,
      },
      missingInstanceId: {
        message: 'relay state path `{{path}}` has no instance id',
        help: `end the path with the instance id, the part after \`instance/\` in the instance ARN, ${WHERE}`,
      },
      path: {
        message: 'relay state path `{{path}}` is not `/connect/federate/{instance-id}`',
        help: `use ${EXPECTED} ${WHERE}; a page to open goes in \`?destination=…\`, not in the path`,
      },
    },
  },
  check(ctx) {
    const relay = ctx.env.relayState;
    if (!relay) return;
    const raw = relay.raw;
    const text = raw.trim();
    // A blank relay state is no relay state; there is no part to name.
    if (text === '') return;
    const start = raw.length - raw.trimStart().length;
    const parts = relay.parts;
    if (!parts) {
      const whole = ctx.at.relayState(start, start + text.length);
      const value = text.length > 80 ? `${text.slice(0, 79)}…` : text;
      if (/^https?%3A/i.test(text)) ctx.report({ messageId: 'encoded', location: whole });
      else if (/^[\w-]+(\.[\w-]+)+\//.test(text)) ctx.report({ messageId: 'missingScheme', data: { value }, location: whole });
      else ctx.report({ messageId: 'notUrl', data: { value }, location: whole });
      return;
    }
    const slice = (range: { start: number; end: number }) => raw.slice(range.start, range.end);
    const host = relay.url?.hostname.toLowerCase() ?? slice(parts.authority).toLowerCase();
    const hostLocation = ctx.at.relayState(parts.authority.start, parts.authority.end);
    if (ACCESS_URL_HOST.test(host)) {
      ctx.report({ messageId: 'accessUrl', data: { host }, location: hostLocation });
      return;
    }
    const scheme = slice(parts.scheme);
    if (scheme.toLowerCase() !== 'https') {
      ctx.report({ messageId: 'scheme', data: { scheme }, location: ctx.at.relayState(parts.scheme.start, parts.scheme.end) });
    }
    if (!relay.form) {
      ctx.report({ messageId: host === REGIONLESS_CONSOLE_HOST ? 'missingRegion' : 'host', data: { host }, location: hostLocation });
    }
    if (!parts.instanceId) {
      const path = slice(parts.path);
      const location = ctx.at.relayState(parts.path.start, parts.path.end);
      ctx.report({ messageId: FEDERATE_WITHOUT_ID.test(path) ? 'missingInstanceId' : 'path', data: { path: path || '/' }, location });
    }
  },
});
