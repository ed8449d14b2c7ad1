import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import {
  ManagedService,
  ServiceActivationBody,
  ServiceCreateBody,
  ServiceUpdateBody,
} from "../../../contracts/feedback-services.ts";
import { negotiateLocale } from "../../../contracts/localized-text.ts";
import { rolesOnly } from "../../platform/policy.ts";
import { requirePrincipal } from "../../platform/principal.ts";
import type { Actor, ServiceCatalogue } from "./feedback.services.ts";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
};
const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const BASE = "/api/v1/feedback/handling/services";
/** City staff and administrators; staff of a unit change only their unit's services (checked in the service). */
const managers = rolesOnly("staff", "admin");

function actor(request: FastifyRequest): Actor {
  return {
    principal: requirePrincipal(request),
    locale: negotiateLocale(request.headers["accept-language"]),
  };
}

/** Staff's management of services under /api/v1/feedback/handling/services. */
export async function serviceRoutes(app: FastifyInstance, catalogue: ServiceCatalogue): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    BASE,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "Every service, in use or not, with how many requests each has",
        response: { 200: Type.Array(ManagedService), ...Errors },
      },
    },
    () => catalogue.list(),
  );

  api.post(
    BASE,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "Create a service: names, questions, routing to a unit and the response-time promise",
        body: ServiceCreateBody,
        response: { 201: ManagedService, ...Errors },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.create(actor(request), request.body)),
  );

  api.get(
    `${BASE}/:code`,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "One service with its change history",
        params: Code,
        response: { 200: ManagedService, ...Errors },
      },
    },
    (request) => catalogue.get(request.params.code),
  );

  api.put(
    `${BASE}/:code`,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "Change a service (not its code); Open311 and the report form show the change at once",
        params: Code,
        body: ServiceUpdateBody,
        response: { 200: ManagedService, ...Errors },
      },
    },
    (request) => catalogue.update(actor(request), request.params.code, request.body),
  );

  api.post(
    `${BASE}/:code/activation`,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "Take a service out of use (its old requests keep it) or back into use",
        params: Code,
        body: ServiceActivationBody,
        response: { 200: ManagedService, ...Errors },
      },
    },
    (request) => catalogue.setActive(actor(request), request.params.code, request.body.isActive),
  );

  api.delete(
    `${BASE}/:code`,
    {
      config: { policy: managers },
      schema: {
        tags: ["feedback"],
        summary: "Delete a service that has no requests (one with requests can only be taken out of use)",
        params: Code,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await catalogue.remove(actor(request), request.params.code);
      return reply.status(204).send(null);
    },
  );
}
