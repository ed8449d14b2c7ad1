import { randomBytes } from "node:crypto";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { LocalizedText, negotiateLocale } from "../../../contracts/localized-text.ts";
import {
  ActionDetail,
  ActionProgressSchema,
  DirectionSchema,
  GoalDetail,
  ImportPreviewResult,
  IndicatorDetail,
  IndicatorSummary,
  ResolutionSchema,
  StatusSchema,
  StrategyChanges,
  StrategyOverdue,
  StrategyTree,
} from "../../../contracts/strategy.ts";
import { AppError } from "../../platform/errors.ts";
import { publicRead, rolesOnly } from "../../platform/policy.ts";
import { requirePrincipal } from "../../platform/principal.ts";
import type { ImportResult } from "./domain/import-values.ts";
import type { StrategyFollowUp } from "./strategy.followup.service.ts";
import { dataDictionary, indicatorsCsv, valuesCsv } from "./strategy.opendata.ts";
import { chromiumPath, renderPdf, renderReportHtml } from "./strategy.report.ts";

const Errors = { 400: ProblemDetails, 401: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails };
const Key = Type.Object({ key: Type.String({ pattern: "^[a-z0-9][a-z0-9._-]{0,79}$" }) });
const Id = Type.Object({ id: Type.String({ pattern: "^[0-9a-f-]{8,64}$" }) });
const staff = rolesOnly("staff", "admin");
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

const PDF_UNAVAILABLE = {
  fi: "PDF-raporttia ei voi nyt muodostaa: palvelimelta puuttuu Chromium. HTML-raportti toimii.",
  sv: "PDF-rapporten kan inte skapas nu: Chromium saknas på servern. HTML-rapporten fungerar.",
  en: "The PDF report cannot be made now: Chromium is missing on the server. The HTML report works.",
};

const IMPORT_FAILED = {
  fi: "Tuonnissa on virheellisiä rivejä; mitään ei tallennettu. Katso errors.",
  sv: "Importen har felaktiga rader; inget sparades. Se errors.",
  en: "The import has invalid rows; nothing was saved. See errors.",
};

function sendImport(request: FastifyRequest, reply: FastifyReply, result: ImportResult) {
  if (result.ok) return reply.send(result);
  // Every bad row, with its number and a message in the caller's language; nothing was written.
  const locale = negotiateLocale(request.headers["accept-language"]);
  throw new AppError(
    "validation_failed",
    IMPORT_FAILED,
    result.errors.map((e) => ({
      path: e.row === null ? "/" : `/rows/${e.row}${e.field ? `/${e.field}` : ""}`,
      message: e.message[locale],
    })),
  );
}

/** Public follow-up (tree, indicators, actions, changes, open data) and the staff's recording and imports. */
export async function strategyFollowUpRoutes(
  app: FastifyInstance,
  followUp: StrategyFollowUp,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const requestIdOf = (request: FastifyRequest) => request.id;

  api.get(
    "/api/v1/strategy/tree",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "The strategy tree with the status of every goal, action and indicator",
        querystring: Type.Object({
          programme: Type.Optional(Type.String({ maxLength: 80 })),
          targetGroup: Type.Optional(Type.String({ maxLength: 80 })),
          status: Type.Optional(StatusSchema),
          unit: Type.Optional(Type.String({ maxLength: 80 })),
        }),
        response: { 200: StrategyTree, ...Errors },
      },
    },
    (request) => followUp.tree(request.query),
  );

  api.get(
    "/api/v1/strategy/indicators",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "Every indicator with its status",
        response: { 200: Type.Array(IndicatorSummary) },
      },
    },
    () => followUp.indicators(),
  );

  api.get(
    "/api/v1/strategy/indicators/:key",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "One indicator: its series, status and use",
        params: Key,
        response: { 200: IndicatorDetail, ...Errors },
      },
    },
    (request) => followUp.indicator(request.params.key),
  );

  api.get(
    "/api/v1/strategy/goals/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "One goal: its indicators, actions and status with the reason in words",
        params: Id,
        response: { 200: GoalDetail, ...Errors },
      },
    },
    (request) => followUp.goal(request.params.id),
  );

  api.get(
    "/api/v1/strategy/actions/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "One action: schedule, milestones, progress and indicators",
        params: Id,
        response: { 200: ActionDetail, ...Errors },
      },
    },
    (request) => followUp.action(request.params.id),
  );

  api.get(
    "/api/v1/strategy/changes",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "What changed between two years, indicator by indicator",
        querystring: Type.Object({
          from: Type.Integer({ minimum: 1900, maximum: 2100 }),
          to: Type.Integer({ minimum: 1900, maximum: 2100 }),
        }),
        response: { 200: StrategyChanges, ...Errors },
      },
    },
    (request) => followUp.changes(request.query.from, request.query.to),
  );

  // ---- open data (CC BY 4.0) ----

  api.get(
    "/api/v1/strategy/indicators.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "Indicators as CSV (CC BY 4.0)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-strategy-indicators.csv"');
      return reply.type("text/csv; charset=utf-8").send(indicatorsCsv(await followUp.indicators()));
    },
  );

  api.get(
    "/api/v1/strategy/values.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "Every indicator value as CSV (CC BY 4.0)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      const summaries = await followUp.indicators();
      const details = await Promise.all(summaries.map((s) => followUp.indicator(s.key)));
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-strategy-values.csv"');
      return reply.type("text/csv; charset=utf-8").send(valuesCsv(details));
    },
  );

  api.get(
    "/api/v1/strategy/values.json",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "Every indicator with its whole series as JSON (CC BY 4.0)",
        response: { 200: Type.Array(IndicatorDetail) },
      },
    },
    async (_request, reply) => {
      const summaries = await followUp.indicators();
      reply.header("link", LICENCE_LINK);
      return Promise.all(summaries.map((s) => followUp.indicator(s.key)));
    },
  );

  api.get(
    "/api/v1/strategy/data-dictionary",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "What every column of the strategy's open data means, and its licence",
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    (_request, reply) => {
      reply.header("link", LICENCE_LINK);
      return dataDictionary();
    },
  );

  // ---- the annual report for the council ----

  const ReportQuery = Type.Object({
    lang: Type.Optional(Type.Union([Type.Literal("fi"), Type.Literal("sv"), Type.Literal("en")])),
  });
  // Rendering starts a browser: one render at a time, and each language's PDF is reused for ten minutes,
  // so that a burst of downloads (or an attacker) cannot exhaust the server.
  const pdfCache = new RenderCache(10 * 60_000);
  const reportOf = async (lang: "fi" | "sv" | "en" | undefined) => {
    const tree = await followUp.tree();
    const summaries = await followUp.indicators();
    const details = new Map(
      (await Promise.all(summaries.map((s) => followUp.indicator(s.key)))).map((d) => [d.key, d]),
    );
    const nonce = randomBytes(16).toString("base64");
    return { html: renderReportHtml(tree, details, lang ?? "fi", nonce), nonce };
  };

  api.get(
    "/api/v1/strategy/report.html",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "The annual strategy report as printable HTML",
        querystring: ReportQuery,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const { html, nonce } = await reportOf(request.query.lang);
      // The report is one self-contained document: no scripts at all, and only its own style block.
      reply.header(
        "content-security-policy",
        `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      );
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );

  api.get(
    "/api/v1/strategy/report.pdf",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["strategy"],
        summary: "The annual strategy report as PDF (rendered by the installed Chromium)",
        querystring: ReportQuery,
        response: { 200: Type.Unknown(), ...Errors, 503: ProblemDetails },
      },
    },
    async (request, reply) => {
      const executable = chromiumPath();
      if (!executable) throw new AppError("unavailable", PDF_UNAVAILABLE);
      const lang = request.query.lang ?? "fi";
      const pdf = await pdfCache.get(lang, async () => renderPdf((await reportOf(lang)).html, executable));
      reply.header(
        "content-disposition",
        `attachment; filename="keskio-strategy-report-${request.query.lang ?? "fi"}.pdf"`,
      );
      return reply.type("application/pdf").send(pdf);
    },
  );

  // ---- staff ----

  api.put(
    "/api/v1/strategy/indicators/:key/values",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Record a value by hand",
        params: Key,
        body: Type.Object(
          {
            year: Type.Integer({ minimum: 1900, maximum: 2100 }),
            period: Type.Optional(Type.String({ pattern: "^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$" })),
            value: Type.Number(),
            area: Type.Optional(Type.String({ maxLength: 80 })),
            ageGroup: Type.Optional(Type.String({ maxLength: 40 })),
            sex: Type.Optional(Type.Union([Type.Literal("male"), Type.Literal("female")])),
          },
          { additionalProperties: false },
        ),
        response: { 200: IndicatorDetail, ...Errors, 409: ProblemDetails },
      },
    },
    (request) =>
      followUp.recordValue(
        requirePrincipal(request).personId,
        request.params.key,
        request.body,
        requestIdOf(request),
      ),
  );

  const CsvBody = Type.Object(
    { csv: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
    { additionalProperties: false },
  );
  const SotkanetBody = Type.Object(
    {
      rows: Type.Array(Type.Unknown(), { maxItems: 200_000 }),
      mapping: Type.Record(Type.String({ pattern: "^\\d+$" }), Type.String({ maxLength: 80 })),
      regionId: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  );

  api.post(
    "/api/v1/strategy/imports/csv/preview",
    {
      config: { policy: staff },
      bodyLimit: 6_000_000,
      schema: {
        tags: ["strategy"],
        summary: "Preview a CSV import (writes nothing)",
        body: CsvBody,
        response: { 200: ImportPreviewResult, ...Errors },
      },
    },
    async (request, reply) => sendImport(request, reply, await followUp.previewCsv(request.body.csv)),
  );

  api.post(
    "/api/v1/strategy/imports/csv",
    {
      config: { policy: staff },
      bodyLimit: 6_000_000,
      schema: {
        tags: ["strategy"],
        summary: "Import a CSV of values, all or nothing",
        body: CsvBody,
        response: { 200: ImportPreviewResult, ...Errors },
      },
    },
    async (request, reply) =>
      sendImport(
        request,
        reply,
        await followUp.applyImport(
          requirePrincipal(request).personId,
          await followUp.previewCsv(request.body.csv),
          "csv",
          request.id,
        ),
      ),
  );

  api.post(
    "/api/v1/strategy/imports/sotkanet/preview",
    {
      config: { policy: staff },
      bodyLimit: 20_000_000,
      schema: {
        tags: ["strategy"],
        summary: "Preview a THL Sotkanet import (writes nothing)",
        body: SotkanetBody,
        response: { 200: ImportPreviewResult, ...Errors },
      },
    },
    async (request, reply) =>
      sendImport(
        request,
        reply,
        await followUp.previewSotkanet(request.body.rows, request.body.mapping, request.body.regionId),
      ),
  );

  api.post(
    "/api/v1/strategy/imports/sotkanet",
    {
      config: { policy: staff },
      bodyLimit: 20_000_000,
      schema: {
        tags: ["strategy"],
        summary: "Import THL Sotkanet rows, all or nothing",
        body: SotkanetBody,
        response: { 200: ImportPreviewResult, ...Errors },
      },
    },
    async (request, reply) => {
      const preview = await followUp.previewSotkanet(
        request.body.rows,
        request.body.mapping,
        request.body.regionId,
      );
      return sendImport(
        request,
        reply,
        await followUp.applyImport(requirePrincipal(request).personId, preview, "sotkanet", request.id),
      );
    },
  );

  api.post(
    "/api/v1/strategy/actions/:id/updates",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Record an action's progress",
        params: Id,
        body: Type.Object(
          {
            progress: ActionProgressSchema,
            progressPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            note: LocalizedText,
          },
          { additionalProperties: false },
        ),
        response: { 200: ActionDetail, ...Errors },
      },
    },
    (request) =>
      followUp.recordProgress(
        requirePrincipal(request).personId,
        request.params.id,
        request.body,
        request.id,
      ),
  );

  api.post(
    "/api/v1/strategy/actions/:id/milestones",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Add a milestone",
        params: Id,
        body: Type.Object(
          { title: LocalizedText, dueDate: Type.String({ format: "date" }) },
          { additionalProperties: false },
        ),
        response: { 200: ActionDetail, ...Errors },
      },
    },
    (request) =>
      followUp.addMilestone(requirePrincipal(request).personId, request.params.id, request.body, request.id),
  );

  api.patch(
    "/api/v1/strategy/actions/:id/milestones/:milestoneId",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Mark a milestone done or open",
        params: Type.Object({ ...Id.properties, milestoneId: Id.properties.id }),
        body: Type.Object({ done: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ActionDetail, ...Errors },
      },
    },
    (request) =>
      followUp.setMilestoneDone(
        requirePrincipal(request).personId,
        request.params.id,
        request.params.milestoneId,
        request.body.done,
        request.id,
      ),
  );

  const Slug = Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 80 });
  const DateOrNull = Type.Union([Type.String({ format: "date" }), Type.Null()]);
  const ActionFields = {
    responsibleUnit: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    responsiblePerson: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    startDate: Type.Optional(DateOrNull),
    endDate: Type.Optional(DateOrNull),
    budgetEuros: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
    ),
  };
  const YearValue = Type.Object({
    year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    value: Type.Number(),
  });

  api.post(
    "/api/v1/strategy/programmes/:slug/goals",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Add a goal to a programme",
        params: Type.Object({ slug: Slug }),
        body: Type.Object(
          {
            slug: Slug,
            title: LocalizedText,
            targetGroups: Type.Optional(Type.Array(LocalizedText, { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }), ...Errors, 409: ProblemDetails },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        id: await followUp.createGoal(
          requirePrincipal(request).personId,
          request.params.slug,
          request.body,
          request.id,
        ),
      }),
  );

  api.patch(
    "/api/v1/strategy/goals/:id",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Change a goal",
        params: Id,
        body: Type.Object(
          {
            title: Type.Optional(LocalizedText),
            targetGroups: Type.Optional(Type.Array(LocalizedText, { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await followUp.updateGoal(
        requirePrincipal(request).personId,
        request.params.id,
        request.body,
        request.id,
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/strategy/goals/:id/actions",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Add an action under a goal",
        params: Id,
        body: Type.Object(
          { slug: Slug, title: LocalizedText, ...ActionFields },
          { additionalProperties: false },
        ),
        response: { 201: ActionDetail, ...Errors, 409: ProblemDetails },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await followUp.createAction(
            requirePrincipal(request).personId,
            request.params.id,
            request.body,
            request.id,
          ),
        ),
  );

  api.patch(
    "/api/v1/strategy/actions/:id",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Change an action's title, owner, schedule or budget",
        params: Id,
        body: Type.Object(
          { title: Type.Optional(LocalizedText), ...ActionFields },
          { additionalProperties: false },
        ),
        response: { 200: ActionDetail, ...Errors },
      },
    },
    (request) =>
      followUp.updateAction(requirePrincipal(request).personId, request.params.id, request.body, request.id),
  );

  api.post(
    "/api/v1/strategy/indicators",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Define an indicator",
        body: Type.Object(
          {
            key: Key.properties.key,
            name: LocalizedText,
            description: Type.Optional(LocalizedText),
            unit: LocalizedText,
            source: LocalizedText,
            sotkanetId: Type.Optional(Type.Integer({ minimum: 1 })),
            resolution: Type.Optional(ResolutionSchema),
            direction: DirectionSchema,
            baseline: YearValue,
            target: YearValue,
            tolerance: Type.Optional(Type.Number({ minimum: 0 })),
            responsibleUnit: Type.Optional(Type.String({ maxLength: 80 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: IndicatorDetail, ...Errors, 409: ProblemDetails },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await followUp.createIndicator(requirePrincipal(request).personId, request.body, request.id)),
  );

  api.patch(
    "/api/v1/strategy/indicators/:key",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Change an indicator's definition (name, source, Sotkanet id, direction, baseline, target)",
        params: Key,
        body: Type.Object(
          {
            name: Type.Optional(LocalizedText),
            description: Type.Optional(LocalizedText),
            unit: Type.Optional(LocalizedText),
            source: Type.Optional(LocalizedText),
            sotkanetId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            resolution: Type.Optional(ResolutionSchema),
            direction: Type.Optional(DirectionSchema),
            baseline: Type.Optional(YearValue),
            target: Type.Optional(YearValue),
            tolerance: Type.Optional(Type.Number({ minimum: 0 })),
            responsibleUnit: Type.Optional(Type.String({ maxLength: 80 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: IndicatorDetail, ...Errors },
      },
    },
    (request) =>
      followUp.updateIndicator(
        requirePrincipal(request).personId,
        request.params.key,
        request.body,
        request.id,
      ),
  );

  for (const [method, linked] of [
    ["PUT", true],
    ["DELETE", false],
  ] as const) {
    api.route({
      method,
      url: "/api/v1/strategy/:kind/:id/indicators/:key",
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: linked
          ? "Link an indicator to a goal or an action"
          : "Remove an indicator from a goal or an action",
        params: Type.Object({
          kind: Type.Union([Type.Literal("goals"), Type.Literal("actions")]),
          ...Id.properties,
          ...Key.properties,
        }),
        response: { 204: Type.Null(), ...Errors },
      },
      handler: async (request, reply) => {
        const kind = request.params.kind === "goals" ? "goal" : "action";
        await followUp.setLink(
          requirePrincipal(request).personId,
          kind,
          request.params.id,
          request.params.key,
          linked,
          request.id,
        );
        return reply.status(204).send(null);
      },
    });
  }

  api.post(
    "/api/v1/strategy/indicators/refresh",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Recompute the indicators that other modules compute from their data (also done hourly)",
        response: { 200: Type.Object({ refreshed: Type.Integer() }), ...Errors },
      },
    },
    async () => ({ refreshed: await followUp.refreshModuleIndicators() }),
  );

  api.get(
    "/api/v1/strategy/overdue",
    {
      config: { policy: staff },
      schema: {
        tags: ["strategy"],
        summary: "Indicator values due and milestones past their date",
        response: { 200: StrategyOverdue, ...Errors },
      },
    },
    () => followUp.overdue(),
  );
}

/** Serialised, time-limited cache of rendered documents by key. */
class RenderCache {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { at: number; value: Buffer }>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const run = async () => {
      const hit = this.#entries.get(key);
      if (hit && Date.now() - hit.at < this.#ttlMs) return hit.value;
      const value = await render();
      this.#entries.set(key, { at: Date.now(), value });
      return value;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
