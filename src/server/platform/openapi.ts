import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";

/** The OpenAPI 3.1 document, generated from the route schemas, and browsable docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, config: Config, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Keskiö API",
        version,
        description:
          "Keskiö, Heinola's civic platform. Errors are RFC 9457 problem+json, localized by Accept-Language (fi, sv, en).",
        license: { name: "EUPL-1.2", url: "https://interoperable-europe.ec.europa.eu/collection/eupl" },
      },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: "platform", description: "Health and metadata" },
        { name: "strategy", description: "Strategy" },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    uiConfig: { docExpansion: "list", deepLinking: true },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
}
