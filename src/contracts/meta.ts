import Type, { type Static } from "typebox";

/** The modules of Keskiö, in the order the front page lists them. */
export const MODULE_NAMES = [
  "strategy",
  "budgeting",
  "survey",
  "feedback",
  "volunteering",
  "spaces",
  "signals",
  "opendata",
] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

/** Whether each module is in service on this installation; the front page never presents a missing one as usable. */
export const ModuleStatus = Type.Object({
  name: Type.Unsafe<ModuleName>(Type.String({ enum: [...MODULE_NAMES] })),
  available: Type.Boolean(),
  path: Type.Union([Type.String(), Type.Null()], {
    description: "Where its public pages start, when available",
  }),
});
export type ModuleStatus = Static<typeof ModuleStatus>;

/** The background map of the web app's maps: where tiles come from (null: tiles off) and their credit. */
export const MapSettings = Type.Object({
  tileUrl: Type.Union([Type.String(), Type.Null()], {
    description: "URL template with {z}, {x}, {y}; null when the installation shows no tiles",
  }),
  attribution: Type.String(),
});
export type MapSettings = Static<typeof MapSettings>;

/** GET /api/v1/meta */
export const SiteMeta = Type.Object({
  name: Type.String(),
  version: Type.String(),
  municipalityCode: Type.String(),
  map: MapSettings,
  modules: Type.Array(ModuleStatus),
});
export type SiteMeta = Static<typeof SiteMeta>;
