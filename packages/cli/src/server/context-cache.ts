import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig, type Config } from '../config.js';
import type { Io } from '../io.js';

/** Configs kept parsed: one per samlint.config.json the open documents use, and a few stale ones. */
const MAX_CONFIGS = 16;

/**
 * What the language server keeps between lints, so that a keystroke does not re-read or re-parse what
 * has not changed: the context files (a users list, metadata, certificates, policies) and configs, by
 * absolute path, each read again once its size or modification time changes. The core keeps what it
 * makes of their text (the trusted keys, the users, the relay state) by text, so an unchanged file
 * is not parsed again either. A save or a watched-file change forgets everything, in case a file
 * changed within the modification time's resolution.
 */
export class ContextCache {
  private readonly files = new Map<string, { stamp: string; value: string | Uint8Array }>();
  private readonly configs = new Map<string, Config>();

  /** `io` reading files through the cache; relative paths are taken from `io.cwd`. */
  reading(io: Io): Io {
    return {
      ...io,
      readFile: (path) => this.read(`text:${resolve(io.cwd, path)}`, () => io.readFile(path)),
      readBytes: (path) => this.read(`bytes:${resolve(io.cwd, path)}`, () => io.readBytes(path)),
    };
  }

  /** parseConfig, remembered by the file's name, directory and text. */
  readonly parseConfig = (text: string, file: string, dir: string): Config => {
    const key = `${file}\u0000${dir}\u0000${text}`;
    const hit = this.configs.get(key);
    if (hit) return hit;
    const config = parseConfig(text, file, dir);
    this.configs.set(key, config);
    // A Map iterates in insertion order: the oldest goes first.
    if (this.configs.size > MAX_CONFIGS) this.configs.delete(this.configs.keys().next().value as string);
    return config;
  };

  /** Files may have changed on disk: everything is read again. */
  forget(): void {
    this.files.clear();
    this.configs.clear();
  }

  private read<T extends string | Uint8Array>(key: string, read: () => T): T {
    const path = key.slice(key.indexOf(':') + 1);
    let stamp: string;
    try {
      const { mtimeMs, size, ino } = statSync(path);
      stamp = `${mtimeMs}:${size}:${ino}`;
    } catch {
      // Reading reports why it cannot.
      return read();
    }
    const hit = this.files.get(key);
    if (hit?.stamp === stamp) return hit.value as T;
    const value = read();
    this.files.set(key, { stamp, value });
    return value;
  }
}
