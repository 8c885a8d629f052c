import type { Argv, CommandModule } from 'yargs';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

interface ServerArgs {
  stdio?: boolean;
}

export function serverCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, ServerArgs> {
  return {
    command: 'server',
    describe: 'Run the language server for editors (LSP over --stdio): diagnostics as you type, see docs/editor.md',
    builder: (yargs) =>
      (yargs as Argv).option('stdio', { type: 'boolean', describe: 'Speak LSP over standard input and output (the only transport)' }) as unknown as Argv<ServerArgs>,
    handler: async (args) => {
      if (!args.stdio) throw new UsageError('samlint server speaks LSP over standard input and output: pass --stdio');
      // Loaded here only: no other command pays for the LSP libraries.
      const { runServer } = await import('../server/server.js');
      setExitCode(await runServer(process.stdin, process.stdout, io.cwd));
    },
  };
}
