import { defineConfig } from 'vitest/config';

// JUnit goes where ./test collects results (scripts/test-summary counts *junit*.xml).
const results = process.env.CITYTWIN_TEST_RESULTS;

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: results ? ['default', 'junit'] : ['default'],
    outputFile: results ? { junit: `${results}/client-junit.xml` } : undefined,
  },
});
