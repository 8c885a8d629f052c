import type { RelayState, RelayStateParam } from '../model/connect.js';

/** The relay state's `destination` parameter: where Connect sends the agent after federation (facts §7). */
export function destinationParam(relay: RelayState): RelayStateParam | undefined {
  return relay.params.find((param) => param.name === 'destination');
}

/** The destination as an absolute URL, when it is one; a Connect path such as `/ccp-v2` is not. */
export function absoluteDestination(param: RelayStateParam): URL | undefined {
  if (!/^https?:\/\//i.test(param.value)) return undefined;
  try {
    return new URL(param.value);
  } catch {
    return undefined;
  }
}

/** Domains AWS serves Connect, the console and sign-in from; anything else is the customer's own site. */
const AWS_DOMAINS = ['aws', 'amazon.com', 'amazonaws.com', 'awsapps.com', 'amazonaws-us-gov.com', 'amazonaws.cn'];

export function isAwsHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return AWS_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
