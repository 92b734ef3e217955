import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Ink renders differently when it believes it runs in CI; tests set what they need.
    env: {NO_COLOR: '1'},
  },
});
