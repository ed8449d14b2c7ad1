import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { SignalTopics, SignalTopicsQuery } from "../../../contracts/signals.ts";
import { rolesOnly } from "../../platform/policy.ts";
import type { SignalsService } from "./signals.service.ts";

/**
 * Residents' texts are read by the city's staff and its leadership (admin), not by residents, organisations
 * or interviewers: the examples quote what individual residents wrote.
 */
const SIGNAL_READERS = rolesOnly("staff", "admin");
const Errors = { 400: ProblemDetails, 401: ProblemDetails, 403: ProblemDetails };

/** The signals API under /api/v1/signals. */
export async function signalsRoutes(app: FastifyInstance, service: SignalsService): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    "/api/v1/signals/topics",
    {
      config: { policy: SIGNAL_READERS },
      schema: {
        tags: ["signals"],
        summary: "Emerging topics in residents' texts: the recent window against the eight weeks before",
        querystring: SignalTopicsQuery,
        response: { 200: SignalTopics, ...Errors },
      },
    },
    (request) =>
      service.topics({
        ...(request.query.window !== undefined ? { windowDays: request.query.window } : {}),
        ...(request.query.channel !== undefined ? { channel: request.query.channel } : {}),
      }),
  );
}
