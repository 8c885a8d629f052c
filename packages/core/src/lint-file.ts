import { readContainer, toFileRange } from './capture/container.js';
import { decodeCapture } from './capture/decode.js';
import type { Container, Login } from './capture/types.js';
import { lint, lintCapture, type LintResult } from './engine.js';
import type { LintOptions } from './environment.js';
import type { Capture, CaptureProblem, InputRange } from './model/capture.js';
import type { Artifact } from './model/finding.js';
import type { Rule } from './model/rule.js';
import { RULES } from './rules/index.js';
import { readIdpConfig } from './idp-config/read.js';
import { lintConfigFile } from './idp-config/lint-config.js';

/**
 * Lints a file as the user has it. An IdP configuration file (an Okta app, a Terraform plan, a Keycloak
 * export) gives one result per SAML app in it (decision 0008); a HAR file or SAML-tracer export one
 * per SAML login in it (or one saying there is none); anything else gives the one result of `lint`. Locations in the
 * `input` artifact point into the file itself.
 */
export function lintFile(text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult[] {
  const config = readIdpConfig(text);
  if (config) return lintConfigFile(text, config, options, rules);
  const container = readContainer(text);
  if (!container) return [lint(text, options, rules)];
  if (!container.logins.length) return [lintCapture(text, withoutLogin(container), options, rules).result];
  return sayContextFindingsOnce(container.logins.map((login) => lintLogin(container, login, options, rules)));
}

/** The files every login of a capture is linted with: the same text, so the same problems in it. */
const CONTEXT_FILES = new Set<Artifact>(['users', 'metadata', 'trust-policy', 'permission-policy']);

/**
 * A finding that lies wholly in a context file (a trailing comma in the trust policy) is the file's,
 * not the login's: the first login says it, later ones do not repeat it. One that also points into a
 * login (IAM007's label on the Recipient) is that login's and stays.
 */
function sayContextFindingsOnce(results: LintResult[]): LintResult[] {
  const said = new Set<string>();
  for (const result of results) {
    result.findings = result.findings.filter((finding) => {
      const places = [finding.location, ...(finding.labels ?? []).map((label) => label.location)];
      if (!places.every((place) => place && CONTEXT_FILES.has(place.artifact))) return true;
      const key = JSON.stringify([finding.code, finding.messageId, finding.data, places]);
      if (said.has(key)) return false;
      said.add(key);
      return true;
    });
  }
  return results;
}

/**
 * What `decode` shows of a file: a HAR file's or SAML-tracer export's first login that holds a value
 * (its text, decoded with every range in the file), else the text itself as `lint` reads it.
 */
export function displayedCapture(text: string): { text: string; capture: Capture } {
  const container = readContainer(text);
  if (!container) return { text, capture: decodeCapture(text) };
  const login = container.logins.find((l) => l.text !== undefined) ?? container.logins[0];
  return login ? { text: login.text ?? '', capture: captureOf(container, login) } : { text, capture: withoutLogin(container) };
}

function withoutLogin(container: Container): Capture {
  return {
    input: container.doc.source,
    detected: 'unknown',
    description: `${container.description}, no SAML login`,
    problems: [...container.problems],
  };
}

function lintLogin(container: Container, login: Login, options: LintOptions, rules: readonly Rule[]): LintResult {
  // The user's --now wins; otherwise time is judged by the server's clock when it received the login.
  const clock = options.now === undefined && login.text !== undefined ? login.clock : undefined;
  const timed = clock ? { ...options, now: clock.date, nowSource: 'AWS’s `Date` header' } : options;
  const { result } = lintCapture(login.text ?? '', captureOf(container, login), timed, rules);
  if (clock) result.inferred.push({ what: 'now', value: clock.date.toISOString(), from: clock.from });
  result.entry = { index: login.entry, label: login.label };
  return result;
}

/** The login decoded as a paste would be, with every range moved to where the value sits in the file. */
function captureOf(container: Container, login: Login): Capture {
  const input = container.doc.source;
  if (login.text === undefined) {
    return { input, detected: 'unknown', description: `${container.description}, no SAMLResponse value`, problems: [...login.problems] };
  }
  const decoded = decodeCapture(login.text);
  const map = (range: InputRange) => toFileRange(login.segments, range);
  const problems: CaptureProblem[] = decoded.problems.map((p) =>
    p.kind === 'parameter-repeated' ? { ...p, range: map(p.range), ranges: p.ranges.map(map) } : 'range' in p ? { ...p, range: map(p.range) } : p,
  );
  let detected = decoded.detected;
  if (detected === 'json') {
    // A value that is itself JSON is no response; the engine would otherwise read it as a policy.
    detected = 'unknown';
    problems.push({ kind: 'unrecognized', range: map({ start: 0, end: login.text.length }) });
  }
  const relayState = decoded.relayState ? { value: decoded.relayState.value, range: map(decoded.relayState.range) } : login.relayState;
  return {
    ...decoded,
    input,
    detected,
    description: `${container.description}, ${login.description ?? decoded.description}`,
    value: decoded.value && map(decoded.value),
    relayState,
    problems: [...login.problems, ...problems],
  };
}
