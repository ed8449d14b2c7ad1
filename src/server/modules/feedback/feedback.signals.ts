import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { SignalSource } from "../../platform/module.ts";
import { type FeedbackDb, selectRequestTexts } from "./feedback.repository.ts";

/** What an erased reporter's own wording is replaced with; it is not something a resident wrote. */
export const ERASED_WORDING = "[poistettu / removed]";

/** The descriptions of service requests, each linked to its handling page. */
export function feedbackSignalTexts(db: FeedbackDb): SignalSource {
  return {
    module: "feedback",
    textsSince: async (since) =>
      (await selectRequestTexts(db, since.toISOString()))
        .filter((row) => row.description !== ERASED_WORDING)
        .map((row) => ({
          id: row.id,
          module: "feedback",
          channel: "service_request",
          at: row.requestedAt,
          text: row.description,
          link: WEB_ROUTES.feedbackHandling.replace(":id", row.id),
        })),
  };
}
