import yargs, { type Argv } from 'yargs';
import { EXIT_CODES, checkCommand } from './commands/check.js';
import { decodeCommand } from './commands/decode.js';
import { explainCommand } from './commands/explain.js';
import { rulesCommand } from './commands/rules.js';
import { serverCommand } from './commands/server.js';
import { whyCommand } from './commands/why.js';
import { failureReport } from './failure.js';
import { STDIN, nodeIo, type Io } from './io.js';
import { UsageError } from './options.js';
import { VERSION } from './version.js';

/**
 * Runs samlint and returns its exit code: 0 clean, 1 errors found, 2 usage error or unreadable input.
 * It never calls process.exit; only bin.ts sets the process's exit code (as ESLint's cli.js does).
 */
export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const parser = yargs()
    .scriptName('samlint')
    .usage('$0 <command> [options]\n\nSAML assertion linter for AWS IAM and Amazon Connect federation.')
    .command(checkCommand(io, setExitCode))
    .command(decodeCommand(io, setExitCode))
    .command(explainCommand(io))
    .command(rulesCommand(io))
    .command(whyCommand(io))
    .command(serverCommand(io, setExitCode))
    .demandCommand(1, 'say what to do: check, why, decode, explain, rules or server')
    .recommendCommands()
    .strict()
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .version(VERSION)
    .help()
    .epilogue(EXIT_CODES)
    .wrap(Math.min(110, process.stdout.columns || 100));
  skipHelpCache(parser);
  try {
    let output = '';
    // yargs drops a bare `-` from variadic positionals, so stdin travels under another name.
    const args = argv.map((arg) => (arg === '-' ? STDIN : arg));
    await parser.parseAsync(args, {}, (_error, _argv, text) => {
      output = text;
    });
    if (output) io.stdout(`${output}\n`);
    return exitCode;
  } catch (error) {
    io.stderr(failureReport(error));
    return 2;
  }
}

/** What of yargs' internals skipHelpCache touches (yargs 18: lib/command.js, lib/usage.js). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * Before it runs a command's handler, yargs renders that command's whole help text and keeps it, to show
 * should the handler fail. samlint never shows it (showHelpOnFail(false), its own fail()), and measuring
 * the width of every line of it costs more than the rest of a `check` run's start-up: keep nothing.
 * A yargs without this internal keeps its cache, and samlint works as before, only slower to start.
 */
function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
}
