import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import {
  AddressSearchQuery,
  AddressSearchResult,
  NearestAddressQuery,
  NearestAddressResult,
} from "../../../contracts/addresses.ts";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { publicRead } from "../../platform/policy.ts";
import type { AddressRegister } from "./addresses.service.ts";

const DEFAULT_LIMIT = 8;

/** The address register's public API under /api/v1/addresses (open data: no personal data in it). */
export async function addressRoutes(app: FastifyInstance, register: AddressRegister): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/v1/addresses",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["addresses"],
        summary:
          "Addresses whose street (Finnish or Swedish name) starts with what was typed, e.g. q=kauppak 5; accents and case do not matter",
        querystring: AddressSearchQuery,
        response: { 200: AddressSearchResult, 400: ProblemDetails },
      },
    },
    async (request) => {
      const items = await register.search(request.query.q, request.query.limit ?? DEFAULT_LIMIT);
      return { items, attribution: await register.attribution() };
    },
  );

  api.get(
    "/api/v1/addresses/nearest",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["addresses"],
        summary: "The address nearest to a map point, within `within` metres (100 unless asked, at most 500)",
        querystring: NearestAddressQuery,
        response: { 200: NearestAddressResult, 400: ProblemDetails },
      },
    },
    async (request) => {
      const { lat, long, within } = request.query;
      const found = await register.nearest(lat, long, within);
      return {
        address: found?.address ?? null,
        distanceMetres: found?.distanceMetres ?? null,
        attribution: found ? await register.attribution() : null,
      };
    },
  );
}
