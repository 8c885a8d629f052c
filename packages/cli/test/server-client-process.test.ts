import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BIN } from './lsp-client.js';

describe('samlint server --clientProcessId', () => {
  it('stops when the editor that started it has gone, though its stdin stays open', async () => {
    // A process that has already ended: its pid names nothing (pids are not reused this fast).
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const server = spawn(process.execPath, [BIN, 'server', '--stdio', `--clientProcessId=${gone.stdout.trim()}`], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const [code] = await once(server, 'exit');
    expect(code).toBe(1);
  }, 20_000);

  it('keeps serving while the editor runs', async () => {
    const server = spawn(process.execPath, [BIN, 'server', '--stdio', `--clientProcessId=${process.pid}`], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = once(server, 'exit');
    // Longer than two polls of the client.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(server.exitCode).toBeNull();
    server.stdin.end();
    expect((await exited)[0]).toBe(1);
  }, 20_000);
});
