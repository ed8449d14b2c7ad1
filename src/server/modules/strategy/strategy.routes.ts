import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { ProgrammeDetail, StrategyOverview } from "../../../contracts/strategy.ts";
import { asModuleDb } from "../../db/db.ts";
import type { ModuleContext } from "../../platform/module.ts";
import { publicRead } from "../../platform/policy.ts";
import { strategyFollowUpRoutes } from "./strategy.followup.routes.ts";
import { StrategyFollowUp } from "./strategy.followup.service.ts";
import { getProgramme, getStrategyOverview } from "./strategy.service.ts";
import type { StrategyTables } from "./strategy.tables.ts";

/** The public, read-only strategy API. */
export async function strategyRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const db = asModuleDb<StrategyTables>(context.database.db);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const followUp = new StrategyFollowUp(db, context.now, context.moduleIndicators);
  await strategyFollowUpRoutes(app, followUp);
  // Figures from other modules are recomputed at start and every hour (they change with their data).
  const refresh = () =>
    followUp.refreshModuleIndicators().catch((error: unknown) => {
      app.log.warn({ kind: (error as Error).name }, "module indicators could not be refreshed");
    });
  app.addHook("onReady", async () => {
    await refresh();
  });
  const timer = setInterval(refresh, 3_600_000);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));

  api.get(
    "/api/v1/strategy",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "The city strategy: vision, mission, values and programmes",
        response: { 200: StrategyOverview, 404: ProblemDetails },
      },
    },
    () => getStrategyOverview(db),
  );

  api.get(
    "/api/v1/strategy/programmes/:slug",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "One programme with its change agenda, choices, goals and actions",
        params: Type.Object({ slug: Type.String({ pattern: "^[a-z0-9-]{1,80}$" }) }),
        response: { 200: ProgrammeDetail, 404: ProblemDetails },
      },
    },
    (request) => getProgramme(db, request.params.slug),
  );
}
