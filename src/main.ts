// The entry point (bin/spasm.js answers `--version` itself). Every command
// line goes to run.ts, which loads only what it needs.
import pkg from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);
{
  // Ask for the command line and the seam while run.ts loads: module loading
  // waits on file reads, and in parallel those waits overlap.
  const warm = argv[0] === '--help' || argv[0] === '-h' ? [import('./cli.js')] : [import('./cli.js'), import('./deps.js')];
  const [{ run }] = await Promise.all([import('./run.js'), ...warm]);
  await run(argv, pkg.version);
}
