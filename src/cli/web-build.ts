import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const WEB_SOURCES = ["src/web", "src/contracts", "vite.config.ts"].map((p) => path.join(REPO_ROOT, p));

function newestMtime(target: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether the built app is missing or older than its sources (a checkout that was pulled since). */
export function isWebBuildStale(webRoot: string): boolean {
  const built = newestMtime(path.join(webRoot, "index.html"));
  if (built === 0) return true;
  return WEB_SOURCES.some((source) => newestMtime(source) > built);
}

/** Builds the web app with Vite when it is missing or stale; Vite is a build tool, loaded only then. */
export async function ensureWebBuilt(webRoot: string, log: (line: string) => void): Promise<void> {
  if (!isWebBuildStale(webRoot)) return;
  log("building the web app (first start or changed sources)…");
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new Error("the web app is not built and Vite is not installed: run npm ci, then npm run build");
  }
  await vite.build({
    configFile: path.join(REPO_ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: webRoot, emptyOutDir: true },
  });
  log("web app built");
}
