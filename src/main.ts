// The entry point (bin/spasm.js answers `--version` itself). Every command
// line goes to run.ts, which loads only what it needs.
import pkg from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);

/**
 * The command's own code, asked for in the same round as the command line
 * (cli.ts imports it again when the command runs; the second import is
 * free). Only a hint: a name not here simply loads later.
 */
function prefetch(name: string | undefined): Promise<unknown>[] {
  switch (name) {
    case 'start':
      return [import('./commands/start.js')];
    case 'status':
      return [import('./commands/status.js')];
    case 'log':
      return [import('./commands/log.js')];
    case 'report':
      return [import('./commands/report.js')];
    case 'routine':
      return [import('./commands/routine.js')];
    case 'timer':
      return [import('./commands/timer.js')];
    default:
      return [];
  }
}
{
  // Ask for the command line and the seam while run.ts loads: module loading
  // waits on file reads, and in parallel those waits overlap.
  const warm = argv[0] === '--help' || argv[0] === '-h' ? [import('./cli.js')] : [import('./cli.js'), import('./deps.js'), ...prefetch(argv[0])];
  const [{ run }] = await Promise.all([import('./run.js'), ...warm]);
  await run(argv, pkg.version);
}
