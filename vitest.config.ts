import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the public entries by name, resolved to the sources (no build needed).
    alias: [
      { find: /^posestream$/, replacement: src('index.ts') },
      { find: /^posestream\/workers$/, replacement: src('workers/index.ts') },
      { find: /^posestream\/testing$/, replacement: src('testing/index.ts') },
      { find: /^posestream\/train$/, replacement: src('train/index.ts') },
      { find: /^posestream\/model$/, replacement: src('model/index.ts') },
      { find: /^posestream\/node$/, replacement: src('node.ts') },
      { find: /^posestream\/react$/, replacement: src('react/index.ts') },
      { find: /^posestream\/angular$/, replacement: src('angular/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: worker, Chromium and timing-sensitive browser tests need the machine to themselves, so test
    // files run one after another.
    fileParallelism: false,
  },
});
