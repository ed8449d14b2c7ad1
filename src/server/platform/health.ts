import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import Type from "typebox";
import { ProblemDetails } from "../../contracts/errors.ts";
import type { Database } from "../db/db.ts";
import { isSchemaCurrent } from "../db/migrate.ts";
import { buildProblem, sendProblem } from "./problem.ts";

const Health = Type.Object({ status: Type.Literal("ok") });
const Ready = Type.Object({
  status: Type.Literal("ready"),
  database: Type.Union([Type.Literal("sqlite"), Type.Literal("postgres")]),
});

/** Liveness (the process answers) and readiness (the database answers and its schema is current). */
export function registerHealth(app: FastifyInstance, database: Database): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    "/healthz",
    { logLevel: "warn", schema: { tags: ["platform"], summary: "Liveness", response: { 200: Health } } },
    () => ({ status: "ok" as const }),
  );
  api.get(
    "/readyz",
    {
      logLevel: "warn",
      schema: { tags: ["platform"], summary: "Readiness", response: { 200: Ready, 503: ProblemDetails } },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        if (await isSchemaCurrent(database.db))
          return { status: "ready" as const, database: database.dialect };
        request.log.warn("not ready: database schema is not current");
      } catch {
        request.log.warn("not ready: database does not answer");
      }
      return sendProblem(reply, buildProblem(request, "unavailable"));
    },
  );
}
