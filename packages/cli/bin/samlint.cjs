#!/usr/bin/env node
// The `samlint` command: the bundle's entry (../bundle/samlint.cjs, built by build.mjs from src/launch.ts).
// CommonJS, as the entry is: an ES module entry would start Node's ES module loader first (decision 0011).
require('../bundle/samlint.cjs');
