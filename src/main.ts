// The entry point. `spasm --version` answers before anything else loads;
// every other command line goes to run.ts, which loads only what it needs.
import pkg from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { run } = await import('./run.js');
  await run(argv, pkg.version);
}
