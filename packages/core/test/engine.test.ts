import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type Rule } from '../src/index.js';
import type { Report, RuleContext } from '../src/model/rule.js';
import { defineRule } from '../src/rules/define-rule.js';
import { IAM007 } from '../src/rules/iam/IAM007-saml-aud-recipient-mismatch.js';

const vector = (file: string) => readFileSync(new URL(`../../../test-vectors/${file}`, import.meta.url), 'utf8');
const cert = vector('keys/idp.crt');

describe('what the engine says besides findings', () => {
  it('lists the relay-state rules as not checked when a relay state would help', () => {
    const unchecked = lint(vector('clean/clean-signed-both.xml')).unchecked.map((u) => u.code);
    expect(unchecked).toContain('CX004');
  });

  it('does not ask for a relay state on a Global Resiliency login, which needs none', () => {
    const unchecked = lint(vector('cx/global-resiliency-instance-mismatch.xml')).unchecked.map((u) => u.code);
    expect(unchecked).not.toContain('CX004');
    expect(unchecked).toContain('CX003');
  });

  it('says which elements are signed and how they verified', () => {
    expect(lint(vector('clean/clean-signed-both.xml'), { certificates: [cert] }).signatures).toMatch(
      /^Response and Assertion signed, verified with --cert #1 \(SHA-256 /,
    );
    expect(lint(vector('clean/clean-signed-both.xml')).signatures).toBe(
      'Response and Assertion signed; intact, but not checked against a trusted certificate (--cert or --metadata)',
    );
    expect(lint(vector('sig/xsw3-evil-assertion-before.xml'), { certificates: [cert] }).signatures).toMatch(/^1 of 2 Assertions signed/);
    expect(lint(vector('xml/not-well-formed.xml')).signatures).toBeUndefined();
  });

  it('reads only the Assertion a verified signature covers, and says so', () => {
    // XSW3: an unsigned Assertion for another user sits before the signed one.
    // With a user list that has only the victim, reading the attacker's RoleSessionName would be CX003.
    const onlyJane = 'first name,last name,user login\nJane,Doe,jane.doe@example.com\n';
    const wrapped = lint(vector('sig/xsw3-evil-assertion-before.xml'), { certificates: [cert], users: onlyJane });
    expect(wrapped.signatures).toMatch(/^1 of 2 Assertions signed, .*; rules read only the signed Assertion$/);
    expect(wrapped.findings.map((f) => f.code).sort()).toEqual(['SAML006', 'SIG011']);
    // XSW4: the only Assertion under the Response is the unsigned one wrapping the signed copy.
    const xsw4 = lint(vector('sig/xsw4-evil-assertion-wraps.xml'), { certificates: [cert], users: onlyJane });
    expect(xsw4.signatures).toMatch(/; rules read no Assertion: none under the Response is signed$/);
    // The attacker's RoleSessionName (raj.patel) is not read as if the IdP had said it: no CX003.
    expect(xsw4.findings.map((f) => f.code)).not.toContain('CX003');
    expect(xsw4.findings.map((f) => f.code)).toContain('SIG011');
    // Nothing verified: rules read what is there, and the SIG rules say why it proves nothing.
    expect(lint(vector('sig/digest-mismatch.xml'), { certificates: [cert] }).signatures).not.toMatch(/rules read/);
  });

  it('records which stages it reached, and why it did not reach the others', () => {
    const skipped = (text: string, options = {}) =>
      Object.entries(lint(text, options).stages).flatMap(([stage, run]) => (run.ran ? [] : [`${stage}: ${run.skipped}`]));
    const others = ['sp-metadata: not-aws-sp-metadata', 'policy: no-policy', 'config: no-config'];
    expect(skipped(vector('clean/clean-signed-both.xml'))).toEqual(['metadata: no-metadata', ...others]);
    expect(skipped(vector('clean/clean-signed-both.xml'), { metadata: vector('metadata/idp-metadata.xml') })).toEqual(others);
    expect(skipped('hello world')).toEqual(['xml: no-xml', 'response: no-xml', 'metadata: no-metadata', ...others]);
    expect(skipped(vector('xml/not-well-formed.xml'))).toEqual(['response: xml-unreadable', 'metadata: no-metadata', ...others]);
    expect(skipped(vector('metadata/aws-sp-metadata.xml'))).toEqual(['response: not-a-response', 'policy: no-policy', 'config: no-config']);
    expect(skipped(vector('policies/trust-audience.json'))).toEqual(['xml: no-xml', 'response: no-xml', 'metadata: no-metadata', 'sp-metadata: not-aws-sp-metadata', 'config: no-config']);
  });
});

describe('messages', () => {
  const raw = vector('clean/clean-signed-both.xml');
  /** A rule whose generic wording replaces the message and keeps the help. */
  const worded = defineRule({
    meta: {
      code: 'XML900',
      name: 'test-worded',
      family: 'XML',
      stage: 'xml',
      severity: 'warning',
      summary: 'A rule worded for each profile',
      facts: [],
      symptoms: [],
      messages: {
        root: {
          message: 'AWS reads the `{{root}}`',
          help: 'nothing to do',
          profiles: { generic: { message: '{{sp}} reads the `{{root}}`' } },
        },
      },
    },
    check: (ctx) => ctx.report({ messageId: 'root', data: { root: ctx.xml?.root.localName ?? '', sp: 'the service provider', unused: 'shown nowhere' } }),
  });

  it('words a finding for the profile, from the same message id and data, which holds what any wording shows', () => {
    const [aws] = lint(raw, {}, [worded]).findings;
    const [generic] = lint(raw, { profile: 'generic' }, [worded]).findings;
    expect(aws).toMatchObject({ messageId: 'root', message: 'AWS reads the `Response`', help: 'nothing to do' });
    expect(generic).toMatchObject({ messageId: 'root', message: 'the service provider reads the `Response`', help: 'nothing to do' });
    expect(generic?.data).toEqual({ root: 'Response', sp: 'the service provider' });
    expect(aws?.data).toEqual(generic?.data);
  });

  it('refuses a message id the rule does not declare, from a rule the compiler did not check', () => {
    const untyped: Rule = { meta: worded.meta, check: (ctx) => ctx.report({ messageId: 'nope' }) };
    expect(() => lint(raw, {}, [untyped])).toThrow("XML900 reported unknown messageId 'nope'");
  });
});

describe('labels', () => {
  it('keeps ten per finding and counts the rest in a note', () => {
    const many: Rule = {
      meta: { ...IAM007.meta, stage: 'xml', needs: [] },
      check: (ctx) =>
        ctx.report({
          messageId: 'mismatch',
          labels: Array.from({ length: 15 }, (_, i) => ({ location: ctx.at.element(ctx.xml?.root as Element), message: `place ${i + 1}` })),
        }),
    };
    const [finding] = lint(vector('clean/clean-signed-both.xml'), {}, [many]).findings;
    expect(finding?.labels?.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `place ${i + 1}`));
    expect(finding?.notes).toEqual(['and 5 more places like these']);
  });
});

describe('fixes', () => {
  const raw = vector('clean/clean-signed-both.xml');
  /** IAM007's meta, reporting at the response's root with a fix of its own making. */
  const fixing = (fix: (ctx: RuleContext) => Report['fix']): Rule => ({
    meta: { ...IAM007.meta, stage: 'xml', needs: [] },
    check: (ctx) => ctx.report({ messageId: 'mismatch', fix: fix(ctx) }),
  });
  const fixOf = (text: string, rule: Rule, options = {}) => lint(text, options, [rule]).findings[0]?.fix;

  it('keeps a fix in the decoded XML only when the XML is the input as given, as an edit of the input', () => {
    const rule = fixing((ctx) => ({ title: 't', location: ctx.at.element(ctx.xml!.root), replacement: '<x/>' }));
    const prefixed = `\n\n${raw}`;
    const fix = fixOf(prefixed, rule);
    expect(fix?.location.artifact).toBe('input');
    const line = prefixed.slice(0, prefixed.indexOf('<samlp:Response')).split('\n').length;
    expect(fix?.location.span).toMatchObject({ line, column: 1 });
    expect(fixOf(Buffer.from(raw).toString('base64'), rule)).toBeUndefined();
  });

  it('keeps a fix in a relay state given as an option, for the caller to place, and drops one in a capture’s', () => {
    const relay = fixing((ctx) => ({ title: 't', location: ctx.at.relayState(0, 5), replacement: 'x' }));
    const relayState = 'https://eu-west-2.console.aws.amazon.com/connect/federate/x';
    expect(fixOf(raw, relay, { relayState })?.location).toEqual({ artifact: 'relay-state', span: { line: 1, column: 1, endLine: 1, endColumn: 6 } });
    const body = `SAMLResponse=${encodeURIComponent(Buffer.from(raw).toString('base64'))}&RelayState=${encodeURIComponent(relayState)}`;
    expect(lint(body, {}, [relay]).relayState).toBe(relayState);
    expect(fixOf(body, relay)).toBeUndefined();
  });
});

describe('messages', () => {
  it('show a line break or tab in a quoted value as `\\n`, `\\r`, `\\t`, so a finding stays one line', async () => {
    const { AWS, buildResponse, withAttributes } = await import('../../../test-vectors/lib/response.mjs');
    const response = buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: ['\n\tJane Doe\n'] }) });
    const findings = lint(response).findings.filter((f) => f.code === 'AWS007');
    expect(findings.map((f) => f.message).sort()).toEqual([
      'RoleSessionName `Jane Doe` contains a space, which STS does not allow',
      'RoleSessionName `\\n\\tJane Doe\\n` has whitespace around it',
    ]);
  });
});
