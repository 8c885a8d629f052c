import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** `twice`, `3 times`. */
function times(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/** `fields 1 and 3`, `fields 1, 2 and 4`. */
function positions(list: readonly number[]): string {
  return `fields ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Which occurrence a server reads is its framework's choice. */
const FRAMEWORKS = 'servers differ on which one they read (PHP and Rails take the last, Java servlets the first)';

export const IN016 = defineRule({
  meta: {
    code: 'IN016',
    name: 'parameter-repeated',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'The form body carries `SAMLResponse` or `RelayState` more than once (parameter pollution)',
    facts: [],
    symptoms: ['invalid-saml-response', 'signature-invalid'],
    messages: {
      response: {
        message: `the form body has \`SAMLResponse\` {{times}} ({{positions}}); samlint linted the first, but ${FRAMEWORKS}`,
        help: 'a login form posts one `SAMLResponse`: either the response was tampered with (parameter pollution: a verifier checks one value, the application reads another) or a proxy, browser extension or custom form script duplicated the field. Capture the login again straight from the browser, and find and remove what adds the second field',
      },
      relayState: {
        message: `the form body has \`RelayState\` {{times}} ({{positions}}); samlint checked the first, but ${FRAMEWORKS}`,
        help: 'a login form posts one `RelayState`: a proxy, browser extension or custom form script duplicated the field, or the body was tampered with. Capture the login again straight from the browser; set the relay state once, in the IdP’s application settings',
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN016', {
      'parameter-repeated': (problem) => ({
        messageId: problem.field === 'SAMLResponse' ? ('response' as const) : ('relayState' as const),
        data: { times: times(problem.ranges.length), positions: positions(problem.positions) },
        location: ctx.at.input(problem.range),
        labels: problem.ranges.flatMap((range, i) =>
          i === 1 ? [] : [{ location: ctx.at.input(range), message: `${ordinal(i)} \`${problem.field}\`` }],
        ),
        notes: [
          problem.identical
            ? 'every occurrence carries the same value'
            : `the values differ: only the first was ${problem.field === 'SAMLResponse' ? 'linted' : 'checked'}, and a server that takes another reads something else`,
        ],
      }),
    });
  },
});
