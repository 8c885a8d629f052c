import type { DecodedCapture } from '@samlint/core';
import type { Argv, CommandModule } from 'yargs';
import { STDIN, readInput, type Io } from '../io.js';
import { CONTEXT_FLAGS, toLintOptions } from '../options.js';

interface DecodeArgs {
  input: string;
  redact: boolean;
  raw: boolean;
  decryptionKey?: string;
}

/** What --decryption-key did, for stderr: where the decrypted Assertion is, or why it is not shown. */
const DECRYPTION_NOTE: Record<Exclude<NonNullable<DecodedCapture['decryption']>, 'decrypted'>, string> = {
  failed: 'decrypted: nothing, the EncryptedAssertion does not decrypt with --decryption-key (see below); stdout shows the response',
  'nothing-encrypted': 'decrypted: nothing, the response holds no single EncryptedAssertion to decrypt; stdout shows the response',
};

export function decodeCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, DecodeArgs> {
  return {
    command: 'decode [input]',
    describe: 'Print the decoded SAMLResponse as indented XML (what was detected goes to stderr)',
    builder: (yargs) =>
      (yargs as Argv)
        .positional('input', { type: 'string', default: STDIN, defaultDescription: '-', describe: 'A file holding the capture, or - for stdin' })
        .option('redact', {
          type: 'boolean',
          default: false,
          describe: 'Mask NameID, RoleSessionName, SourceIdentity, emails and account ids',
        })
        .option('raw', {
          type: 'boolean',
          default: false,
          describe: 'Print the XML as decoded (or decrypted), not indented, so finding positions line up',
        })
        .option('decryption-key', {
          ...CONTEXT_FLAGS['decryption-key'],
          describe: 'The SP private key (PEM): print the EncryptedAssertion decrypted, as `check` reads it',
        }) as unknown as Argv<DecodeArgs>,
    handler: async (args) => {
      const { text } = readInput(io, args.input);
      const { decryptionKey } = toLintOptions({ decryptionKey: args.decryptionKey }, io);
      // Loaded when the command runs, not when samlint starts.
      const { decodeForDisplay } = await import('@samlint/core');
      const decoded = decodeForDisplay(text, { redact: args.redact, raw: args.raw, decryptionKey });
      io.stderr(`detected: ${decoded.detected}\n`);
      if (decoded.relayState !== undefined) io.stderr(`RelayState: ${decoded.relayState}\n`);
      if (decoded.decryption === 'decrypted') {
        const form = args.raw
          ? 'as decrypted: the lines and columns of `decrypted LINE:COL` findings'
          : 'indented (with --raw, as decrypted, where `decrypted LINE:COL` findings line up)';
        io.stderr(`decrypted: the EncryptedAssertion, with --decryption-key; stdout shows the decrypted Assertion ${form}\n`);
      } else if (decoded.decryption) io.stderr(`${DECRYPTION_NOTE[decoded.decryption]}\n`);
      for (const f of decoded.findings) io.stderr(`${f.severity}[${f.code}]: ${f.message}\n  help: ${f.help}\n`);
      const shown = decoded.decrypted ?? decoded.xml;
      if (shown !== undefined) io.stdout(shown);
      setExitCode(shown === undefined || decoded.decryption === 'failed' ? 1 : 0);
    },
  };
}
