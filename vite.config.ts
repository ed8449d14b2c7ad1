import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in src/web and is built into dist/web, which the server serves with an SPA fallback.
// In development the API, health and readiness endpoints are proxied to the server on port 3000.
const serverTarget = "http://127.0.0.1:3000";
const proxy = {
  "/api": serverTarget,
  "/healthz": serverTarget,
  "/readyz": serverTarget,
};

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, proxy },
});
