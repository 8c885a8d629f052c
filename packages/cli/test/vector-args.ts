import type { VectorEntry } from '../../../test-vectors/manifest.js';

/**
 * A vector's `samlint check` arguments: its file and its context options as the flags a user would
 * give (files relative to the repository root, the tests' working directory), with no config file.
 * An option with no flag here throws, so a new kind of vector cannot be run without its context.
 */
export function vectorArgs(vector: VectorEntry): string[] {
  const file = (name: string) => `test-vectors/${name}`;
  const args = [file(vector.file), '--no-config'];
  const { now, clockSkewSeconds, region, instanceId, relayState, users, certificates, metadata, decryptionKey, trustPolicy, permissionPolicy, profile, sp, ...rest } =
    vector.options;
  if (Object.keys(rest).length) throw new Error(`${vector.file}: no flag for ${Object.keys(rest).join(', ')}`);
  if (now !== undefined) args.push('--now', now instanceof Date ? now.toISOString() : now);
  if (clockSkewSeconds !== undefined) args.push('--clock-skew', String(clockSkewSeconds));
  if (region !== undefined) args.push('--region', region);
  if (instanceId !== undefined) args.push('--instance-id', instanceId);
  if (relayState !== undefined) args.push('--relay-state', relayState);
  if (users) args.push('--users', file(users));
  for (const cert of certificates ?? []) args.push('--cert', file(cert));
  if (metadata) args.push('--metadata', file(metadata));
  if (decryptionKey) args.push('--decryption-key', file(decryptionKey));
  if (trustPolicy) args.push('--trust-policy', file(trustPolicy));
  if (permissionPolicy) args.push('--permission-policy', file(permissionPolicy));
  if (profile) args.push('--profile', profile);
  const { audience, acs, issuer, inResponseTo, ...unknown } = sp ?? {};
  if (Object.keys(unknown).length) throw new Error(`${vector.file}: no flag for sp.${Object.keys(unknown).join(', sp.')}`);
  if (audience !== undefined) args.push('--audience', audience);
  if (acs !== undefined) args.push('--acs', acs);
  if (issuer !== undefined) args.push('--issuer', issuer);
  if (inResponseTo !== undefined) args.push('--in-response-to', inResponseTo);
  return args;
}
