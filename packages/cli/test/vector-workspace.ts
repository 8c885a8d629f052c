import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MANIFEST } from '../../../test-vectors/manifest.js';
import { ROOT } from './memory-io.js';
import { vectorContext } from './vector-args.js';

/** The vector whose manifest context most vectors share, and which has no finding in it. */
export const CLEAN_VECTOR = 'clean/clean-signed-both.xml';

/**
 * A repository as CI or a hook sees it, in `tree`: the vectors under captures/ (their paths kept), and
 * with `config` a samlint.config.json giving them the context CLEAN_VECTOR's manifest entry names (a
 * trusted certificate, the time, the users, the policies…), its files under context/; so that vector has
 * no finding and nothing left unverified.
 */
export function writeVectorTree(tree: string, vectors: string[], { config }: { config: boolean }): void {
  for (const vector of vectors) {
    mkdirSync(join(tree, 'captures', dirname(vector)), { recursive: true });
    copyFileSync(join(ROOT, 'test-vectors', vector), join(tree, 'captures', vector));
  }
  if (!config) return;
  const clean = MANIFEST.find((vector) => vector.file === CLEAN_VECTOR);
  if (!clean) throw new Error(`no vector ${CLEAN_VECTOR}`);
  mkdirSync(join(tree, 'context'), { recursive: true });
  const context = vectorContext(clean, (name) => {
    copyFileSync(join(ROOT, 'test-vectors', name), join(tree, 'context', basename(name)));
    return `context/${basename(name)}`;
  });
  writeFileSync(join(tree, 'samlint.config.json'), JSON.stringify(context, null, 2));
}
