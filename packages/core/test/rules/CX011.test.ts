import { CX011 } from '../../src/rules/cx/CX011-new-domain-parameter.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX011, {
  valid: [
    { name: 'a destination alone', input: CLEAN, options: relay('?destination=%2Fccp-v2%2Fchat') },
    { name: 'new_domain alone: both guides agree', input: CLEAN, options: relay('?new_domain=true') },
    { name: 'a page whose name starts with connect', input: CLEAN, options: relay('?destination=%2Fconnect-widget') },
  ],
  invalid: [
    {
      name: 'the `&` form of the SAML guide',
      input: CLEAN,
      options: relay('?destination=%2Fccp-v2%2Fchat&new_domain=true'),
      errors: [{ messageId: 'besideDestination', severity: 'info', column: RELAY_STATE.length + '?destination=%2Fccp-v2%2Fchat&new_domain='.length + 1 }],
    },
    {
      name: 'the `%26` form of the domain guide',
      input: CLEAN,
      options: relay('?destination=%2Fccp-v2%2Fchat%26new_domain=true'),
      errors: [{ messageId: 'insideDestination', severity: 'info', column: RELAY_STATE.length + 14 }],
    },
    {
      name: 'the legacy /connect prefix',
      input: CLEAN,
      options: relay('?destination=%2Fconnect%2Fccp'),
      errors: [{ messageId: 'legacyPrefix', data: { value: '/connect/ccp' }, severity: 'warning' }],
    },
    {
      name: 'both at once',
      input: CLEAN,
      options: relay('?destination=%2Fconnect%2Fccp-v2%26new_domain=true'),
      errors: [{ messageId: 'legacyPrefix' }, { messageId: 'insideDestination' }],
    },
  ],
});
