import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/helpers/sequencer.js';

// A test file that mocks modules (vi.mock, the @inquirer/testing screen),
// spies on a module or sets process.env runs in a fresh worker of its own;
// every other file shares its worker's loaded modules with the files before
// it, which spares a second or so of start-up per file.
const MOCKS = /vi\.(mock|doMock|hoisted|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|@inquirer\/testing\/vitest|process\.env\.\w+ *=[^=]/;
const testFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `tests/${file}`);
const isolated = testFiles.filter((file) => MOCKS.test(readFileSync(file, 'utf8')));

// Every node process a test starts (the workers, the built binary ~150 times) would
// load these extra CA certificates, ~80 ms each on Node 20; nothing here speaks TLS.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    // A zone with an offset (and summer time), so times are never UTC by accident.
    env: { TZ: 'Europe/Berlin', NO_COLOR: '1', SPASM_DATA_DIR: '/nonexistent/spasm-tests-must-set-a-data-dir' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // e2e tests spawn the built binary; two cores, so keep the pool small.
    maxWorkers: 2,
    // The longest files first, whatever their project (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    experimental: { fsModuleCache: true },
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'solo', include: isolated } },
    ],
  },
});
