import type { ModuleManifest } from "../../platform/module.ts";

/**
 * Feedback and service requests (palaute) with the Open311 GeoReport v2 API. Only its working-hours
 * arithmetic exists so far, so residents do not see it as available.
 */
export const feedbackModule: ModuleManifest = {
  name: "feedback",
  available: false,
  webPath: null,
};
