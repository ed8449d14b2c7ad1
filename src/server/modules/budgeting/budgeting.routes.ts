import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import Type from "typebox";
import {
  BallotInput,
  BallotReceipt,
  MAX_PROPOSAL_IMAGE_BYTES,
  MAX_PROPOSAL_IMAGES,
  NewProposalImage,
  PaperBallotInput,
  PhaseSchema,
  Proposal,
  ProposalDetail,
  ProposalInput,
  ReceiptCheck,
  ReviewInput,
  Round,
  RoundInput,
  RoundResults,
} from "../../../contracts/budgeting.ts";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { publicRead, signedIn } from "../../platform/policy.ts";
import { requirePrincipal } from "../../platform/principal.ts";
import { budgetingStaff, commentAuthorLabel, viewerOf } from "./budgeting.policy.ts";
import { type BudgetingService, IMAGE_PATH } from "./budgeting.service.ts";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
};
const IdPattern = "^[0-9a-f-]{8,64}$";
const Id = Type.Object({ id: Type.String({ pattern: IdPattern }) });
const tags = ["budgeting"];
// Base64 inflates by 4/3; room for every photo plus the rest of the form.
const PROPOSAL_BODY_LIMIT = Math.ceil((MAX_PROPOSAL_IMAGES * MAX_PROPOSAL_IMAGE_BYTES * 4) / 3) + 256 * 1024;
const IMAGE_BODY_LIMIT = Math.ceil((MAX_PROPOSAL_IMAGE_BYTES * 4) / 3) + 64 * 1024;
const IMAGE_POLICY = {
  access: "public",
  reason: "photos of proposals; those of a rejected proposal only for staff and the proposer",
} as const;

/** The budgeting API: rounds, proposals, review, ballots (web and paper) and published results. */
export async function budgetingRoutes(app: FastifyInstance, service: BudgetingService): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    "/api/v1/budgeting/rounds",
    {
      config: { policy: publicRead },
      schema: { tags, summary: "Every budgeting round", response: { 200: Type.Array(Round) } },
    },
    () => service.listRounds(),
  );

  api.post(
    "/api/v1/budgeting/rounds",
    {
      config: { policy: budgetingStaff },
      schema: { tags, summary: "Open a new round", body: RoundInput, response: { 201: Round, ...Errors } },
    },
    async (request, reply) => {
      const round = await service.createRound(requirePrincipal(request).personId, request.body, {
        requestId: request.id,
      });
      return reply.code(201).send(round);
    },
  );

  api.get(
    "/api/v1/budgeting/rounds/:id",
    {
      config: { policy: publicRead },
      schema: { tags, summary: "One round", params: Id, response: { 200: Round, ...Errors } },
    },
    (request) => service.round(request.params.id),
  );

  api.put(
    "/api/v1/budgeting/rounds/:id/phase",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "Move a round to another phase",
        params: Id,
        body: Type.Object({ phase: PhaseSchema }, { additionalProperties: false }),
        response: { 200: Round, ...Errors },
      },
    },
    (request) =>
      service.setPhase(requirePrincipal(request).personId, request.params.id, request.body.phase, {
        requestId: request.id,
      }),
  );

  api.get(
    "/api/v1/budgeting/rounds/:id/proposals",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Proposals of a round (no vote counts)",
        params: Id,
        response: { 200: Type.Array(Proposal), ...Errors },
      },
    },
    (request) => service.proposals(request.params.id, viewerOf(request.principal)),
  );

  api.post(
    "/api/v1/budgeting/rounds/:id/proposals",
    {
      config: { policy: signedIn },
      bodyLimit: PROPOSAL_BODY_LIMIT,
      schema: {
        tags,
        summary: "Submit a proposal, with up to four photos (metadata is removed)",
        params: Id,
        body: ProposalInput,
        response: { 201: ProposalDetail, ...Errors, 413: ProblemDetails },
      },
    },
    async (request, reply) => {
      const proposal = await service.submitProposal(
        requirePrincipal(request).personId,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(proposal);
    },
  );

  api.get(
    "/api/v1/budgeting/proposals/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "One proposal with its comments",
        params: Id,
        response: { 200: ProposalDetail, ...Errors },
      },
    },
    (request) => service.proposal(request.params.id, viewerOf(request.principal)),
  );

  api.post(
    "/api/v1/budgeting/proposals/:id/images",
    {
      config: { policy: budgetingStaff },
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: {
        tags,
        summary: "Add a photo to a proposal during review (staff; metadata is removed)",
        params: Id,
        body: NewProposalImage,
        response: { 201: ProposalDetail, ...Errors, 413: ProblemDetails },
      },
    },
    async (request, reply) => {
      const detail = await service.addImage(
        requirePrincipal(request).personId,
        request.params.id,
        request.body,
        {
          requestId: request.id,
        },
      );
      return reply.code(201).send(detail);
    },
  );

  api.delete(
    "/api/v1/budgeting/proposals/:id/images/:imageId",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "Remove a photo from a proposal (staff)",
        params: Type.Object({
          id: Type.String({ pattern: IdPattern }),
          imageId: Type.String({ pattern: IdPattern }),
        }),
        response: { 200: ProposalDetail, ...Errors },
      },
    },
    (request) =>
      service.removeImage(requirePrincipal(request).personId, request.params.id, request.params.imageId, {
        requestId: request.id,
      }),
  );

  api.get(
    `${IMAGE_PATH}/:id`,
    {
      config: { policy: IMAGE_POLICY },
      schema: {
        tags,
        summary: "A photo of a proposal (metadata removed)",
        params: Id,
        response: { 200: Type.Unknown({ description: "JPEG or PNG bytes" }), 404: ProblemDetails },
      },
    },
    async (request, reply) => {
      const image = await service.image(viewerOf(request.principal), request.params.id);
      // A photo anyone may see can be kept a while; one shown only to staff or its proposer is not stored.
      reply
        .header("cache-control", image.isPublic ? "public, max-age=300" : "private, no-store")
        .header("x-content-type-options", "nosniff");
      return reply.type(image.contentType).send(image.content);
    },
  );

  api.post(
    "/api/v1/budgeting/proposals/:id/comments",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Comment on a proposal",
        params: Id,
        body: Type.Object(
          { body: Type.String({ minLength: 2, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 201: ProposalDetail, ...Errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const detail = await service.comment(
        principal.personId,
        commentAuthorLabel(principal),
        request.params.id,
        request.body.body,
      );
      return reply.code(201).send(detail);
    },
  );

  api.post(
    "/api/v1/budgeting/proposals/:id/merge",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "Merge a proposal into a similar one (co-creation)",
        params: Id,
        body: Type.Object({ into: Type.String({ pattern: IdPattern }) }, { additionalProperties: false }),
        response: { 200: ProposalDetail, ...Errors },
      },
    },
    (request) =>
      service.merge(requirePrincipal(request).personId, request.params.id, request.body.into, {
        requestId: request.id,
      }),
  );

  api.post(
    "/api/v1/budgeting/proposals/:id/review",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "The city's review of a proposal",
        params: Id,
        body: ReviewInput,
        response: { 200: ProposalDetail, ...Errors },
      },
    },
    (request) =>
      service.review(requirePrincipal(request).personId, request.params.id, request.body, {
        requestId: request.id,
      }),
  );

  api.put(
    "/api/v1/budgeting/rounds/:id/ballot",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Cast or change one's own web ballot (the last one counts)",
        params: Id,
        body: BallotInput,
        response: { 200: BallotReceipt, ...Errors },
      },
    },
    (request) =>
      service.castWebBallot(requirePrincipal(request).personId, request.params.id, request.body.choices),
  );

  api.get(
    "/api/v1/budgeting/rounds/:id/ballot",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "One's own ballot and receipt",
        params: Id,
        response: { 200: BallotReceipt, ...Errors },
      },
    },
    (request) => service.myBallot(requirePrincipal(request).personId, request.params.id),
  );

  api.post(
    "/api/v1/budgeting/rounds/:id/paper-ballots",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "Enter one paper or service-point ballot after checking the voter's identity",
        params: Id,
        body: PaperBallotInput,
        response: { 201: BallotReceipt, ...Errors },
      },
    },
    async (request, reply) => {
      const receipt = await service.castPaperBallot(
        requirePrincipal(request).personId,
        request.params.id,
        request.body,
        {
          requestId: request.id,
        },
      );
      return reply.code(201).send(receipt);
    },
  );

  api.post(
    "/api/v1/budgeting/rounds/:id/results",
    {
      config: { policy: budgetingStaff },
      schema: {
        tags,
        summary: "Count and publish the results",
        params: Id,
        response: { 200: RoundResults, ...Errors },
      },
    },
    (request) =>
      service.publishResults(requirePrincipal(request).personId, request.params.id, {
        requestId: request.id,
      }),
  );

  api.get(
    "/api/v1/budgeting/rounds/:id/results",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Published results with explanations (409 until published)",
        params: Id,
        response: { 200: RoundResults, ...Errors },
      },
    },
    (request) => service.results(request.params.id),
  );

  api.get(
    "/api/v1/budgeting/rounds/:id/areas/:areaId/ballots.pb",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "The anonymised ballots of an area as a Pabulib file (CC BY 4.0)",
        params: Type.Object({
          id: Type.String({ pattern: IdPattern }),
          areaId: Type.String({ pattern: IdPattern }),
        }),
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const text = await service.ballotFile(request.params.id, request.params.areaId);
      reply
        .header("link", '<https://creativecommons.org/licenses/by/4.0/>; rel="license"')
        .header("content-disposition", `attachment; filename="keskio-${request.params.areaId}.pb"`);
      return reply.type("text/plain; charset=utf-8").send(text);
    },
  );

  api.get(
    "/api/v1/budgeting/receipts/:code",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Whether a receipt's ballot is in the published ballot files",
        params: Type.Object({ code: Type.String({ pattern: "^[0-9A-Za-z-]{4,20}$" }) }),
        response: { 200: ReceiptCheck, ...Errors },
      },
    },
    (request) => service.checkReceipt(request.params.code),
  );
}
