import type { ModuleManifest } from "../../platform/module.ts";

/** Volunteering (vapaaehtoistoiminta): associations' tasks and shifts, sign-ups and hours. Not built yet. */
export const volunteeringModule: ModuleManifest = {
  name: "volunteering",
  available: false,
  webPath: null,
};
