// The entry point of the bundle (bin/spasm.js answers `--version` and
// `--help` itself: see scripts/build.mjs).
import pkg from '../package.json' with { type: 'json' };
import { run } from './run.js';

// Not awaited: the bundle is CommonJS, and run() reports every error itself.
void run(process.argv.slice(2), pkg.version);
