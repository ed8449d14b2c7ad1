import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { OpenDataCatalogue, OpenDataset } from "../../../contracts/opendata.ts";
import { AppError } from "../../platform/errors.ts";
import { publicRead } from "../../platform/policy.ts";
import { DCAT_CONTEXT, toDcatAp } from "./domain/dcat.ts";
import type { OpenDataService } from "./opendata.service.ts";

const Errors = { 400: ProblemDetails, 404: ProblemDetails, 503: ProblemDetails };
const DatasetId = Type.Object({
  id: Type.String({ pattern: "^[a-z]+\\.[a-z0-9._-]+$", maxLength: 120 }),
});
// A harvester may try again soon; the sources are read afresh on every request.
const RETRY_AFTER_SECONDS = "60";

/** Adds Retry-After to a 503 (a source could not be read), and gives the error back to be thrown. */
function retryLater(error: unknown, reply: FastifyReply): unknown {
  if (error instanceof AppError && error.code === "unavailable")
    reply.header("retry-after", RETRY_AFTER_SECONDS);
  return error;
}

/** The DCAT-AP document's outline; the nodes inside follow DCAT-AP 3.0 (see domain/dcat.ts). */
const DcatCatalogue = Type.Object(
  {
    "@context": Type.Object(
      Object.fromEntries(Object.keys(DCAT_CONTEXT).map((prefix) => [prefix, Type.String()])),
    ),
    "@id": Type.String(),
    "@type": Type.Literal("dcat:Catalog"),
  },
  { additionalProperties: true },
);

/** The open data API under /api/v1/open-data: the catalogue as JSON and as DCAT-AP JSON-LD. */
export async function openDataRoutes(
  app: FastifyInstance,
  service: OpenDataService,
  publicUrl: string,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ["opendata"];

  api.get(
    "/api/v1/open-data/datasets",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary:
          "Every open dataset of the installed modules; unavailableModules names any left out just now",
        response: { 200: OpenDataCatalogue, ...Errors },
      },
    },
    () => service.catalogue(),
  );

  api.get(
    "/api/v1/open-data/datasets/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "One open dataset with its files and data dictionary",
        params: DatasetId,
        response: { 200: OpenDataset, ...Errors },
      },
    },
    async (request, reply) => {
      try {
        return await service.dataset(request.params.id);
      } catch (error) {
        throw retryLater(error, reply);
      }
    },
  );

  api.get(
    "/api/v1/open-data/catalog.jsonld",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary:
          "The catalogue as DCAT-AP 3.0 JSON-LD, for harvesters (503 rather than an incomplete catalogue)",
        response: { 200: DcatCatalogue, ...Errors },
      },
    },
    async (_request, reply) => {
      let catalogue: OpenDataCatalogue;
      try {
        catalogue = await service.completeCatalogue();
      } catch (error) {
        throw retryLater(error, reply);
      }
      return reply.type("application/ld+json; charset=utf-8").send(toDcatAp(catalogue, publicUrl));
    },
  );
}
