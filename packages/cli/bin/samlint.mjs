#!/usr/bin/env node
// The `samlint` command: the bundle's entry (../bundle/samlint.mjs, built by build.mjs from src/launch.ts).
import '../bundle/samlint.mjs';
