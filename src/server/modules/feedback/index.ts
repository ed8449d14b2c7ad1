import { asModuleDb } from "../../db/db.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { staffDisplayNames, unitStaff } from "../identity/index.ts";
import { medianFirstResponseHours, shareWithinPromise } from "./domain/response-figures.ts";
import { registerFeedbackCommands } from "./feedback.commands.ts";
import { registerDigestCommand } from "./feedback.digest.ts";
import { figuresRoutes } from "./feedback.figures.ts";
import { ReportLimits } from "./feedback.limits.ts";
import { FeedbackNotifier } from "./feedback.notify.ts";
import { open311Routes } from "./feedback.open311.ts";
import { feedbackOpenData } from "./feedback.opendata.ts";
import { eraseReporter, selectReporterRequests, selectResponseTimes } from "./feedback.repository.ts";
import { feedbackRoutes } from "./feedback.routes.ts";
import { EXAMPLE_SERVICES, seedServices } from "./feedback.seed.ts";
import { FeedbackDesk } from "./feedback.service.ts";
import { serviceRoutes } from "./feedback.services.routes.ts";
import { ServiceCatalogue } from "./feedback.services.ts";
import { ERASED_WORDING, feedbackSignalTexts } from "./feedback.signals.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

/**
 * Feedback and service requests (palaute): residents report, staff handle with response-time promises in
 * working hours, and the Open311 GeoReport v2 API. The web pages (report, status, public list, handling) are
 * under /feedback.
 */
export const feedbackModule: ModuleManifest = {
  name: "feedback",
  available: true,
  webPath: "/feedback",
  // The services are example data (esimerkkiaineisto): a city defines its own, so only --demo adds them.
  seed: async (database, { demo, now }) => {
    if (!demo) return { module: "feedback", created: 0, updated: 0, unchanged: 0 };
    return seedServices(asModuleDb<FeedbackTables>(database.db), EXAMPLE_SERVICES, now);
  },
  commands: (program, context) => {
    registerFeedbackCommands(program, context);
    registerDigestCommand(program, context);
  },
  // A signed-in reporter's requests in their data export; on erasure the requests stay (the city's case
  // record) but lose the link to the account, the contact details and the reporter's own wording.
  personalData: (context) => {
    const db = asModuleDb<FeedbackTables>(context.database.db);
    return {
      module: "feedback",
      exportPerson: async (personId) => {
        const requests = await selectReporterRequests(db, personId);
        return requests.length > 0 ? { requests } : null;
      },
      erasePerson: (personId) => eraseReporter(db, personId, ERASED_WORDING),
    };
  },
  // The requests' descriptions, for the signals module's emerging topics.
  signalTexts: (context) => feedbackSignalTexts(asModuleDb<FeedbackTables>(context.database.db)),
  // The response-time figures, the published requests over Open311 and the categories.
  openData: (context) => feedbackOpenData(asModuleDb<FeedbackTables>(context.database.db), context.now),
  // The strategy's indicators, computed from this module's own requests (suppressed below five requests).
  indicators: (context) => {
    const db = asModuleDb<FeedbackTables>(context.database.db);
    const timesOf = (year: number) =>
      selectResponseTimes(db, `${year}-01-01T00:00:00.000Z`, `${year + 1}-01-01T00:00:00.000Z`);
    return [
      {
        key: "feedback.median_first_response_hours",
        valueFor: async (year) => medianFirstResponseHours(await timesOf(year)),
      },
      {
        key: "feedback.share_within_promise",
        valueFor: async (year) => shareWithinPromise(await timesOf(year), context.now()),
      },
    ];
  },
  routes: async (app, context) => {
    const db = asModuleDb<FeedbackTables>(context.database.db);
    const staff = {
      staffOf: (unit: string) => unitStaff(context.database, unit),
      namesOf: (ids: readonly string[]) => staffDisplayNames(context.database, ids),
    };
    const desk = new FeedbackDesk(db, context.now, staff, () => context.database.changeVersion());
    const notifier = new FeedbackNotifier(context.mailer, context.config.publicUrl, app.log);
    app.addHook("onClose", () => notifier.settle());
    // One set of counters for both ways in: an address's web and Open311 reports count together.
    const limits = new ReportLimits(context.config.feedback);
    await feedbackRoutes(app, desk, notifier, limits);
    await open311Routes(app, desk, context.config.publicUrl, limits, () => context.database.changeVersion());
    // Staff's service changes reach Open311 and the report form at once: the desk forgets its cached copy.
    await serviceRoutes(app, new ServiceCatalogue(db, context.now, staff, () => desk.forgetServices()));
    await figuresRoutes(app, db, context.now);
  },
};
