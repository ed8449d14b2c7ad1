import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config.ts";

/**
 * pino options: request ids on every line; no IP addresses, cookies, authorisation headers or query strings
 * (which can carry one-time tokens) — personal data and secrets never reach a log line.
 */
export function loggerOptions(
  config: Pick<Config, "logLevel">,
): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  return {
    level: config.logLevel,
    serializers: {
      req(request: { method: string; url: string }) {
        return { method: request.method, path: request.url.split("?")[0] };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.cookie", "headers.authorization"],
      remove: true,
    },
  };
}
