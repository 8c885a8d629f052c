import { describe, expect, it } from 'vitest';
import { toFormBody } from '../../../../test-vectors/lib/response.mjs';
import { CX007 } from '../../src/rules/cx/CX007-destination-not-url-encoded.js';
import { applyFix } from '../apply-fix.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX007, {
  valid: [
    { name: 'no destination', input: CLEAN, options: relay('') },
    { name: 'an encoded path', input: CLEAN, options: relay('?destination=%2Fccp-v2%2Fchat&new_domain=true') },
    { name: 'an encoded URL', input: CLEAN, options: relay('?destination=https%3A%2F%2Fagents.example.com') },
    { name: 'AWS’s VDI example with its raw `?`', input: CLEAN, options: relay('?destination=%2Fagent-app-v2?VDIPlatform=CITRIX_413') },
    { name: 'an encoded path in a form body', input: toFormBody(CLEAN, `${RELAY_STATE}?destination=%2Fccp-v2`) },
  ],
  invalid: [
    {
      name: 'a raw path',
      input: CLEAN,
      options: relay('?destination=/ccp-v2/chat'),
      errors: [
        {
          messageId: 'unencoded',
          data: { value: '/ccp-v2/chat', character: '/', encoded: '%2Fccp-v2%2Fchat' },
          line: 1,
          column: RELAY_STATE.length + '?destination='.length + 1,
        },
      ],
    },
    {
      name: 'a raw URL',
      input: CLEAN,
      options: relay('?destination=https://agents.example.com'),
      errors: [{ messageId: 'unencoded', data: { character: ':', encoded: 'https%3A%2F%2Fagents.example.com' } }],
    },
    {
      name: 'a form body that carried the destination unencoded',
      input: toFormBody(CLEAN, `${RELAY_STATE}?destination=/agent-app-v2`),
      errors: [{ messageId: 'unencoded', data: { value: '/agent-app-v2' } }],
    },
  ],
});

describe('CX007 fix', () => {
  it('encodes the destination in a relay state given as an option, which then passes', () => {
    for (const [value, rest, encoded] of [
      ['/ccp-v2/chat', '&new_domain=true', '%2Fccp-v2%2Fchat'],
      ['https%3A//agents.example.com', '', 'https%3A%2F%2Fagents.example.com'],
    ] as const) {
      const { relayState } = relay(`?destination=${value}${rest}`);
      const fix = runRule(CX007, CLEAN, { relayState }).result.findings[0]?.fix;
      expect(fix).toMatchObject({ title: `URL-encode the destination as \`${encoded}\``, location: { artifact: 'relay-state' } });
      const fixed = applyFix(relayState, fix!);
      expect(fixed).toBe(`${RELAY_STATE}?destination=${encoded}${rest}`);
      expect(runRule(CX007, CLEAN, { relayState: fixed }).reports).toEqual([]);
    }
  });

  it('offers no edit of a relay state a capture carried', () => {
    const findings = runRule(CX007, toFormBody(CLEAN, `${RELAY_STATE}?destination=/agent-app-v2`)).result.findings;
    expect(findings.map((f) => f.code)).toEqual(['CX007']);
    expect(findings[0]?.fix).toBeUndefined();
  });
});
