import { defineConfig } from 'vitest/config';

// One run for every package: `pnpm unit` (core and react) and the story tests in headless Chromium.
export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/react', 'apps/storybook'],
  },
});
