#!/usr/bin/env node
// A shim only: the program lives in dist/ (built by `npm run build`).
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');
