// Four projects, all run by `npm test` (scripts/test.mjs):
//   shared    pure engine and domain (node)
//   electron  database and handlers on real SQLite files in temp folders (node)
//   renderer  components and stores in jsdom against a fake transport
//   e2e       real Chromium against browser mode (needs CHROMIUM_PATH; see scripts/test.mjs)
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      // Generous timeouts: a test must not fail because the machine is busy (tests wait on
      // results, never on time).
      { test: { name: 'shared', include: ['tests/shared/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', pool: 'forks', testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        plugins: [react()],
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['tests/renderer/setup.ts'], testTimeout: 90_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
