import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Ink writes only its last frame when it believes it runs in CI (CI=true, as .ci/run sets):
    // tests that drive Ink's own render() on a fake terminal need every frame, as a person sees.
    env: {NO_COLOR: '1', CI: 'false'},
  },
});
