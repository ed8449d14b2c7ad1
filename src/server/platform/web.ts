import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isWebRoute } from "../../contracts/web-routes.ts";
import { sendNotFoundProblem } from "./problem.ts";

/** Whether the built web app is where the server expects it. */
export function isWebBuilt(webRoot: string): boolean {
  return existsSync(path.join(webRoot, "index.html"));
}

/**
 * Serves the built single-page app: hashed assets with long caching, and index.html for every page path —
 * with status 404 for a path that is no page, so that crawlers and checkers see a real "not found".
 * API paths and non-HTML requests get problem+json instead.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = path.join(webRoot, "index.html");
  // Re-read index.html when a rebuild replaced it, so a running server never serves a page whose assets are gone.
  let cached: { mtimeMs: number; html: string } | null = null;
  const indexHtml = (): string | null => {
    try {
      const { mtimeMs } = statSync(indexFile);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, "utf8") };
      return cached.html;
    } catch {
      return null;
    }
  };
  if (isWebBuilt(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: false,
      // The build writes .br and .gz copies of its text files (vite.config.ts); the one the browser accepts is
      // sent, with Vary: Accept-Encoding, and the plain file otherwise.
      preCompressed: true,
      setHeaders(reply, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    const wantsPage =
      (request.method === "GET" || request.method === "HEAD") &&
      !pathname.startsWith("/api/") &&
      !pathname.startsWith("/open311/") &&
      (request.headers.accept ?? "").includes("text/html");
    const html = wantsPage ? indexHtml() : null;
    if (html === null) return sendNotFoundProblem(request, reply);
    return reply
      .status(isWebRoute(pathname) ? 200 : 404)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(html);
  });
}
