import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { type Locale, negotiateLocale } from "../../../contracts/localized-text.ts";
import {
  Answers,
  CallList,
  MarginsPreview,
  OpenAnswer,
  Questionnaire,
  QuestionnaireInput,
  QuestionnaireListItem,
  ResponseSession,
  RoundDesk,
  RoundInput,
  RoundSummary,
  RoundUpdate,
  SamplePreviewRow,
  SurveyResults,
} from "../../../contracts/survey.ts";
import { AppError } from "../../platform/errors.ts";
import type { ModuleContext } from "../../platform/module.ts";
import { publicRead, publicWrite, rolesOnly, signedIn } from "../../platform/policy.ts";
import { requirePrincipal } from "../../platform/principal.ts";
import type { RateRule } from "../../platform/rate-limit.ts";
import { formatCsv } from "./survey.csv.ts";
import { resultsCsv } from "./survey.opendata.ts";
import { HEINOLA_TEMPLATE } from "./survey.seed.ts";
import { importProblem, type SurveyService } from "./survey.service.ts";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
  429: ProblemDetails,
};
const Slug = Type.Object({ slug: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,79}$" }) });
const Id = Type.Object({ id: Type.String({ pattern: "^[0-9a-f-]{8,64}$" }) });
const Code = Type.String({ minLength: 6, maxLength: 40, pattern: "^[A-Za-z0-9 -]+$" });
const Csv = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
  { additionalProperties: false },
);
const staff = rolesOnly("staff", "admin");
const interviewers = rolesOnly("interviewer", "staff", "admin");
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

// Guessing invitation codes: 20 wrong codes an hour from one address, then blocks that double.
const CODE_RULE: RateRule = {
  name: "survey:code",
  limit: 20,
  windowSeconds: 3600,
  baseBlockSeconds: 60,
  maxBlockSeconds: 3600,
};

const localeOf = (request: FastifyRequest): Locale => negotiateLocale(request.headers["accept-language"]);

/** The survey API: public results and answering, interviewers' call lists, staff administration. */
export async function surveyRoutes(app: FastifyInstance, context: ModuleContext, survey: SurveyService) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Resolves an invitation code, counting wrong ones against the caller's address. */
  const withCode = async <T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> => {
    const verdict = await context.rateLimiter.check(CODE_RULE, request.ip, context.now());
    if (!verdict.allowed) throw new AppError("rate_limited");
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") {
        await context.rateLimiter.hit(CODE_RULE, request.ip, context.now());
      }
      throw error;
    }
  };

  // ---- public: rounds, results, open data ----

  api.get(
    "/api/v1/survey/rounds",
    {
      config: { policy: publicRead },
      schema: { tags: ["survey"], summary: "Survey rounds", response: { 200: Type.Array(RoundSummary) } },
    },
    () => survey.listRounds(),
  );

  api.get(
    "/api/v1/survey/rounds/:slug/results",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["survey"],
        summary: "Weighted results with 95 % intervals, by area, age group and sex (CC BY 4.0)",
        params: Slug,
        response: { 200: SurveyResults, ...Errors },
      },
    },
    async (request, reply) => {
      reply.header("link", LICENCE_LINK);
      return survey.results(request.params.slug);
    },
  );

  api.get(
    "/api/v1/survey/rounds/:slug/results.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["survey"],
        summary: "Weighted results as CSV (CC BY 4.0); suppressed cells are empty",
        params: Slug,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const csv = resultsCsv(await survey.results(request.params.slug));
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", `attachment; filename="keskio-survey-${request.params.slug}.csv"`);
      return reply.type("text/csv; charset=utf-8").send(csv);
    },
  );

  // ---- web answering: by invitation code or signed in ----

  api.post(
    "/api/v1/survey/answer/start",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["survey"],
        summary: "Start or resume answering with an invitation code",
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: { 200: ResponseSession, ...Errors },
      },
    },
    (request) => withCode(request, () => survey.startByCode(request.body.code)),
  );

  api.post(
    "/api/v1/survey/answer/save",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["survey"],
        summary: "Save answers given with an invitation code; complete sends the response",
        body: Type.Object(
          { code: Code, answers: Answers, complete: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: ResponseSession, ...Errors },
      },
    },
    async (request) => {
      const response = await withCode(request, () => survey.responseOfCode(request.body.code));
      return survey.saveAnswers(response, request.body.answers, request.body.complete, localeOf(request));
    },
  );

  api.post(
    "/api/v1/survey/rounds/:slug/my-response",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["survey"],
        summary: "Start or resume the signed-in resident's own response (rounds open on the web)",
        params: Slug,
        response: { 200: ResponseSession, ...Errors },
      },
    },
    (request) => survey.startSignedIn(request.params.slug, requirePrincipal(request).personId),
  );

  api.put(
    "/api/v1/survey/rounds/:slug/my-response",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["survey"],
        summary: "Save the signed-in resident's answers; complete sends the response",
        params: Slug,
        body: Type.Object({ answers: Answers, complete: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ResponseSession, ...Errors },
      },
    },
    async (request) => {
      const response = await survey.responseOfPerson(request.params.slug, requirePrincipal(request).personId);
      return survey.saveAnswers(response, request.body.answers, request.body.complete, localeOf(request));
    },
  );

  // ---- phone interviews ----

  api.get(
    "/api/v1/survey/rounds/:slug/calls",
    {
      config: { policy: interviewers },
      schema: {
        tags: ["survey"],
        summary: "The call list with outcomes, and the quotas with their fill",
        params: Slug,
        response: { 200: CallList, ...Errors },
      },
    },
    (request) => survey.callList(request.params.slug),
  );

  api.post(
    "/api/v1/survey/calls/:id/outcome",
    {
      config: { policy: interviewers },
      schema: {
        tags: ["survey"],
        summary: "Record the outcome of a call (no answer, refused, call back at)",
        params: Id,
        body: Type.Object(
          {
            outcome: Type.Union([
              Type.Literal("no_answer"),
              Type.Literal("refused"),
              Type.Literal("call_back"),
            ]),
            callBackAt: Type.Optional(Type.String({ format: "date-time" })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await survey.recordCall(
        request.params.id,
        request.body.outcome,
        request.body.callBackAt ? new Date(request.body.callBackAt).toISOString() : null,
        requirePrincipal(request).personId,
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/survey/calls/:id/interview",
    {
      config: { policy: interviewers },
      schema: {
        tags: ["survey"],
        summary: "Start or resume the phone interview of a sample member",
        params: Id,
        response: { 200: ResponseSession, ...Errors },
      },
    },
    (request) => survey.startInterview(request.params.id, requirePrincipal(request).personId),
  );

  api.put(
    "/api/v1/survey/interviews/:id",
    {
      config: { policy: interviewers },
      schema: {
        tags: ["survey"],
        summary: "Save an interview's answers as they are given; complete ends the interview",
        params: Id,
        body: Type.Object({ answers: Answers, complete: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ResponseSession, ...Errors },
      },
    },
    async (request) => {
      const response = await survey.responseForInterviewer(request.params.id);
      return survey.saveAnswers(response, request.body.answers, request.body.complete, localeOf(request));
    },
  );

  // ---- staff: questionnaires, rounds, sample, margins, quotas, paper, themes, exports ----

  api.get(
    "/api/v1/survey/questionnaires",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Questionnaires, every version, with the rounds using each and whether answers lock it",
        response: { 200: Type.Array(QuestionnaireListItem), ...Errors },
      },
    },
    () => survey.listQuestionnaireItems(),
  );

  api.get(
    "/api/v1/survey/questionnaire-template",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "The annual Heinola resident survey as a starting point for a new questionnaire",
        response: { 200: QuestionnaireInput, ...Errors },
      },
    },
    () => HEINOLA_TEMPLATE,
  );

  api.put(
    "/api/v1/survey/questionnaires/:id",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Change a questionnaire version in place; refused (409) once it has answers",
        params: Id,
        body: QuestionnaireInput,
        response: { 200: Questionnaire, ...Errors },
      },
    },
    (request) => survey.updateQuestionnaire(request.params.id, request.body, localeOf(request)),
  );

  api.get(
    "/api/v1/survey/questionnaires/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["survey"],
        summary: "One questionnaire version (its questions are public)",
        params: Id,
        response: { 200: Questionnaire, ...Errors },
      },
    },
    (request) => survey.questionnaire(request.params.id),
  );

  api.post(
    "/api/v1/survey/questionnaires",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Save a questionnaire as the next version of its key",
        body: QuestionnaireInput,
        response: { 201: Questionnaire, ...Errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await survey.createQuestionnaire(request.body, localeOf(request))),
  );

  api.post(
    "/api/v1/survey/rounds",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Open a survey round",
        body: RoundInput,
        response: { 201: RoundSummary, ...Errors },
      },
    },
    async (request, reply) => reply.status(201).send(await survey.createRound(request.body)),
  );

  api.patch(
    "/api/v1/survey/rounds/:slug",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary:
          "Change a round: open or close it, its dates, channels, weighting method and cells, trimming",
        params: Slug,
        body: RoundUpdate,
        response: { 200: RoundSummary, ...Errors },
      },
    },
    (request) => survey.updateRound(request.params.slug, request.body),
  );

  api.get(
    "/api/v1/survey/rounds/:slug/desk",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "A round's state for staff: responses by channel, calls by outcome, quotas, margins",
        params: Slug,
        response: { 200: RoundDesk, ...Errors },
      },
    },
    (request) => survey.desk(request.params.slug),
  );

  api.post(
    "/api/v1/survey/rounds/:slug/sample/preview",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Check a sample CSV and show its rows; nothing is saved and no codes are made",
        params: Slug,
        body: Csv,
        response: { 200: Type.Object({ rows: Type.Array(SamplePreviewRow) }), ...Errors },
      },
    },
    async (request) => {
      const result = await survey.previewSample(request.params.slug, request.body.csv);
      if (!result.ok) throw importProblem(result.errors, localeOf(request));
      return { rows: result.rows };
    },
  );

  api.post(
    "/api/v1/survey/rounds/:slug/sample",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary:
          "Import the sample (label,age_group,sex,area[,phone]); the invitation codes are shown only now",
        params: Slug,
        body: Csv,
        response: {
          200: Type.Object({ codes: Type.Array(Type.Object({ label: Type.String(), code: Type.String() })) }),
          ...Errors,
        },
      },
    },
    async (request) => {
      const result = await survey.importSample(request.params.slug, request.body.csv);
      if (!result.ok) throw importProblem(result.errors, localeOf(request));
      return { codes: result.codes };
    },
  );

  api.post(
    "/api/v1/survey/margins/:year/preview",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary:
          "Check a year's population CSV (margins or joint cells) and show its figures; nothing is saved",
        params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        body: Csv,
        response: { 200: MarginsPreview, ...Errors },
      },
    },
    async (request) => {
      const result = await survey.previewMargins(request.params.year, request.body.csv);
      if (!result.ok) throw importProblem(result.errors, localeOf(request));
      const { ok: _ok, ...preview } = result;
      return preview;
    },
  );

  api.put(
    "/api/v1/survey/margins/:year",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary:
          "Replace a year's population figures from CSV: margins ([year,]variable,category,population) or joint cells ([year,]age_group,sex,area,population with any of the three)",
        params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        body: Type.Object(
          { csv: Csv.properties.csv, source: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ year: Type.Integer(), figures: Type.Integer() }), ...Errors },
      },
    },
    async (request) => {
      const result = await survey.importMargins(request.params.year, request.body.csv, request.body.source);
      if (!result.ok) throw importProblem(result.errors, localeOf(request));
      return { year: result.year, figures: result.figures };
    },
  );

  api.put(
    "/api/v1/survey/rounds/:slug/quotas",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Set interview quotas per age group × area",
        params: Slug,
        body: Type.Object(
          {
            quotas: Type.Array(
              Type.Object(
                {
                  ageGroup: Type.String({ minLength: 1, maxLength: 40 }),
                  area: Type.String({ minLength: 1, maxLength: 80 }),
                  target: Type.Integer({ minimum: 0, maximum: 100000 }),
                },
                { additionalProperties: false },
              ),
              { maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: CallList, ...Errors },
      },
    },
    (request) => survey.setQuotas(request.params.slug, request.body.quotas),
  );

  api.post(
    "/api/v1/survey/rounds/:slug/paper",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Save one paper form keyed in by staff",
        params: Slug,
        body: Type.Object(
          {
            formId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            ageGroup: Type.String({ minLength: 1, maxLength: 40 }),
            sex: Type.String({ minLength: 1, maxLength: 40 }),
            area: Type.String({ minLength: 1, maxLength: 80 }),
            answers: Answers,
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ responseId: Type.String() }), ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await survey.enterPaper(
            request.params.slug,
            request.body,
            requirePrincipal(request).personId,
            localeOf(request),
          ),
        ),
  );

  api.post(
    "/api/v1/survey/rounds/:slug/responses/import",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Import keyed paper forms from CSV: all rows or none, every bad row named",
        params: Slug,
        body: Csv,
        response: { 200: Type.Object({ imported: Type.Integer() }), ...Errors },
      },
    },
    async (request) => {
      const result = await survey.importResponses(
        request.params.slug,
        request.body.csv,
        requirePrincipal(request).personId,
      );
      if (!result.ok) throw importProblem(result.errors, localeOf(request));
      return { imported: result.imported };
    },
  );

  api.get(
    "/api/v1/survey/rounds/:slug/open-answers",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Open answers with their themes, for coding",
        params: Slug,
        response: { 200: Type.Array(OpenAnswer), ...Errors },
      },
    },
    (request) => survey.openAnswers(request.params.slug),
  );

  api.put(
    "/api/v1/survey/responses/:id/themes",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Set the themes of one open answer",
        params: Id,
        body: Type.Object(
          {
            question: Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }),
            themes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 10 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await survey.setThemes(
        request.params.id,
        request.body.question,
        request.body.themes,
        requirePrincipal(request).personId,
      );
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/api/v1/survey/rounds/:slug/weights.csv",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "The round's weights per respondent of the responses CSV, without personal data",
        params: Slug,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const { header, rows } = await survey.weightsExport(request.params.slug);
      reply.header(
        "content-disposition",
        `attachment; filename="keskio-survey-${request.params.slug}-weights.csv"`,
      );
      return reply.type("text/csv; charset=utf-8").send(formatCsv(header, rows));
    },
  );

  api.get(
    "/api/v1/survey/rounds/:slug/responses.csv",
    {
      config: { policy: staff },
      schema: {
        tags: ["survey"],
        summary: "Completed responses as CSV without personal data or open text",
        params: Slug,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const { header, rows } = await survey.responsesExport(request.params.slug);
      reply.header(
        "content-disposition",
        `attachment; filename="keskio-survey-${request.params.slug}-responses.csv"`,
      );
      return reply.type("text/csv; charset=utf-8").send(formatCsv(header, rows));
    },
  );
}
