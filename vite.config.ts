import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The web app lives in src/web and is built into dist/web, which the server serves with an SPA fallback.
// In development the API, health and readiness endpoints are proxied to the server on port 3000.
const serverTarget = "http://127.0.0.1:3000";
const proxy = {
  "/api": serverTarget,
  "/healthz": serverTarget,
  "/readyz": serverTarget,
};

// The runtime of every page: React, the router and i18next (with the small packages they bring along).
const VENDOR =
  /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|i18next|react-i18next|use-sync-external-store)[\\/]/;

/**
 * A build is always the production bundle. The server builds the app in its own process (`keskio serve
 * --build-missing`), possibly with NODE_ENV=test, and Vite takes NODE_ENV from the environment to decide
 * on React's development build and development JSX. So NODE_ENV is "production" while Vite resolves this
 * config, and the caller's value is put back as soon as the config is resolved.
 */
function productionBuild(command: string): Plugin[] {
  if (command !== "build") return [];
  const callersNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  return [
    {
      name: "keskio:restore-node-env",
      configResolved() {
        if (callersNodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = callersNodeEnv;
      },
    },
  ];
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react(), ...productionBuild(command)],
  define: command === "build" ? { "process.env.NODE_ENV": JSON.stringify("production") } : {},
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every page runs on change far less often than Keskiö's own code, so they get a
          // chunk of their own that stays cached across deploys: measured in bench/RESULTS.md ("web
          // bundle"), a deploy that changes a shared string then costs a returning visitor 202 kB of the
          // front page instead of 516 kB, and one that changes a page 42 kB instead of 253 kB.
          groups: [{ name: "vendor", test: VENDOR }],
        },
      },
    },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, proxy },
}));
