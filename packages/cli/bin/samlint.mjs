#!/usr/bin/env node
// The `samlint` command. It turns on Node's module compile cache (Node ≥ 22.1) in the OS cache
// directory before it loads the bundle (../bundle/, built by build.mjs), so that a second run reads
// the compiled bundle rather than parsing it again; a Node without the cache runs it uncached.
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the OS keeps caches: ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, $XDG_CACHE_HOME or ~/.cache elsewhere. */
function cacheDirectory() {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'samlint');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'samlint', 'Cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'samlint');
}

// It reports a directory it cannot use in its return value; it does not throw.
module.enableCompileCache?.(join(cacheDirectory(), 'compile-cache'));
await import('../bundle/samlint.mjs');
