import { defineConfig } from "vitest/config";

// Unit and integration tests (both database dialects). Browser tests live in e2e/ and run under Playwright.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "dist/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
