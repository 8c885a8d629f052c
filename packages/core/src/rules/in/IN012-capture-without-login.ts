import type { ContainerFormat } from '../../model/capture.js';
import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

const FORMAT: Record<ContainerFormat, string> = { har: 'HAR file', 'saml-tracer': 'SAML-tracer export' };

const RECORD_AGAIN =
  'record the sign-in again with the capture running from the start: open the browser’s Network tab with “Preserve log” (Firefox: “Persist Logs”), or start SAML-tracer, before you sign in through the IdP, then export; the login is the POST from the IdP to `https://signin.aws.amazon.com/saml` (or a regional `…signin.aws.amazon.com/saml`)';

const RECORD_AGAIN_GENERIC =
  'record the sign-in again with the capture running from the start: open the browser’s Network tab with “Preserve log” (Firefox: “Persist Logs”), or start SAML-tracer, before you sign in through the IdP, then export; the login is the POST from the IdP to the service provider’s ACS URL';

export const IN012 = defineRule({
  meta: {
    code: 'IN012',
    name: 'capture-without-login',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'A HAR file or SAML-tracer export holds no request that carries a SAMLResponse',
    facts: [],
    symptoms: [],
    messages: {
      none: {
        message: 'the {{format}} holds {{requests}}, none a POST with `SAMLResponse`',
        help: RECORD_AGAIN,
        profiles: { generic: { help: RECORD_AGAIN_GENERIC } },
      },
      empty: {
        message: 'the {{format}} holds no requests',
        help: RECORD_AGAIN,
        profiles: { generic: { help: RECORD_AGAIN_GENERIC } },
      },
      malformed: {
        message: 'the {{format}} cannot be read: {{path}} is not {{expected}}',
        help: 'export the file again from the browser’s Network tab or from SAML-tracer, and pass it unedited; samlint reads HAR 1.2 (`log.entries[]`) and SAML-tracer exports (`requests[]`)',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN012', {
      'no-login': (problem) => {
        const data = { format: FORMAT[problem.format], requests: `${problem.requests} request${problem.requests === 1 ? '' : 's'}` };
        const more = problem.requests - problem.seen.length;
        const notes = [...problem.seen.map((label) => `seen: ${label}`), ...(more > 0 ? [`and ${more} more`] : [])];
        return { messageId: problem.requests ? ('none' as const) : ('empty' as const), data, location: ctx.at.input(problem.range), notes };
      },
      'container-malformed': (problem) => ({
        messageId: 'malformed' as const,
        data: { format: FORMAT[problem.format], path: problem.path, expected: problem.expected },
        location: ctx.at.input(problem.range),
      }),
    });
  },
});
