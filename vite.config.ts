import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
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

// Text files worth compressing; images (PNG, JPEG, WebP) are compressed already.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the best
 * compression: the server sends the copy the browser accepts (@fastify/static `preCompressed`), so a
 * resident on a slow phone downloads about a third of the bytes, and the server spends no CPU on it.
 */
function precompress(): Plugin {
  return {
    name: "keskio:precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      for (const [fileName, item] of Object.entries(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const content = item.type === "chunk" ? Buffer.from(item.code) : Buffer.from(item.source);
        if (content.length < 1024) continue;
        const file = path.join(dir, fileName);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react(), precompress(), ...productionBuild(command)],
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
