import type { Argv, CommandModule } from 'yargs';
import { STDIN, readInput, type Io } from '../io.js';

interface DecodeArgs {
  input: string;
  redact: boolean;
  raw: boolean;
}

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
          describe: 'Print the XML as decoded, not indented, so finding positions line up',
        }) as unknown as Argv<DecodeArgs>,
    handler: async (args) => {
      const { text } = readInput(io, args.input);
      // Loaded when the command runs, not when samlint starts.
      const { decodeForDisplay } = await import('@samlint/core');
      const decoded = decodeForDisplay(text, { redact: args.redact, raw: args.raw });
      io.stderr(`detected: ${decoded.detected}\n`);
      if (decoded.relayState !== undefined) io.stderr(`RelayState: ${decoded.relayState}\n`);
      for (const f of decoded.findings) io.stderr(`${f.severity}[${f.code}]: ${f.message}\n  help: ${f.help}\n`);
      if (decoded.xml !== undefined) io.stdout(decoded.xml);
      setExitCode(decoded.xml === undefined ? 1 : 0);
    },
  };
}
