import type { Argv, CommandModule } from 'yargs';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

interface ServerArgs {
  stdio?: boolean;
  clientProcessId?: number;
}

/** How often the server looks whether the editor that started it still runs. */
const CLIENT_POLL_MS = 3_000;

export function serverCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, ServerArgs> {
  return {
    command: 'server',
    describe: 'Run the language server for editors (LSP over --stdio): diagnostics as you type, see docs/editor.md',
    builder: (yargs) =>
      (yargs as Argv)
        .option('stdio', { type: 'boolean', describe: 'Speak LSP over standard input and output (the only transport)' })
        .option('clientProcessId', {
          type: 'number',
          describe: 'The editor’s process id, as LSP clients pass it: the server stops when that process has gone',
        }) as unknown as Argv<ServerArgs>,
    handler: async (args) => {
      if (!args.stdio) throw new UsageError('samlint server speaks LSP over standard input and output: pass --stdio');
      // Loaded here only: no other command pays for the LSP libraries.
      const { runServer } = await import('../server/server.js');
      const watch = args.clientProcessId === undefined ? undefined : watchClient(args.clientProcessId);
      setExitCode(await runServer(process.stdin, process.stdout, io.cwd));
      clearInterval(watch);
    },
  };
}

/** An editor killed hard may leave our stdin open: closing it ends the server as a client that went away does. */
function watchClient(pid: number): NodeJS.Timeout {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: it runs, as another user.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') process.stdin.destroy();
    }
  }, CLIENT_POLL_MS);
  timer.unref();
  return timer;
}
