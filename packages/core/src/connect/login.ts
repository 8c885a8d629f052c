import type { Environment } from '../model/environment.js';

/** What shows that a login is for Amazon Connect rather than for the AWS console or another AWS service. */
export type ConnectEvidence = 'relay state' | 'Global Resiliency endpoint' | 'instance id' | 'user list';

/**
 * Why samlint takes this login to be for Amazon Connect, or nothing when the capture and the context
 * show no sign of it: a Connect federation relay state, a Global Resiliency Recipient, or a Connect
 * instance or user list the caller named. An AWS response alone cannot tell a Connect login from a
 * console one: both post the same attributes to the same sign-in endpoints.
 */
export function connectEvidence(env: Environment): ConnectEvidence | undefined {
  if (env.relayState?.form) return 'relay state';
  if (env.recipientEndpoint?.kind === 'global-resiliency') return 'Global Resiliency endpoint';
  if (env.instanceId !== undefined) return 'instance id';
  if (env.users !== undefined) return 'user list';
  return undefined;
}
