#!/usr/bin/env node
// `pnpm docs:rules`: writes docs/rules/README.md from the built core's rule metadata (run after a build;
// the pnpm script builds first). The rendering lives in render-rules-index.mjs, shared with the test.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILY_PROFILES, NEED_FLAGS, RULES, SYMPTOMS } from '../packages/core/dist/index.js';
import { RULES_INDEX_PATH, renderRulesIndex } from './render-rules-index.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(ROOT, RULES_INDEX_PATH), renderRulesIndex({ rules: RULES, needFlags: NEED_FLAGS, familyProfiles: FAMILY_PROFILES, symptoms: SYMPTOMS }));
console.log(`wrote ${RULES_INDEX_PATH} (${RULES.length} rules)`);
