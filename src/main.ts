// The entry point of every bundle (bin/spasm.js answers `--version` and
// `--help` itself, and picks the bundle: see scripts/build.mjs).
import pkg from '../package.json' with { type: 'json' };
import { run } from './run.js';

// Not awaited: the bundles are CommonJS, and run() reports every error itself.
void run(process.argv.slice(2), pkg.version);
