import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // A zone with an offset (and summer time), so times are never UTC by accident.
    env: { TZ: 'Europe/Berlin', NO_COLOR: '1', SPASM_DATA_DIR: '/nonexistent/spasm-tests-must-set-a-data-dir' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // e2e tests spawn the built binary; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
