import type { ModuleManifest } from "../../platform/module.ts";
import { openDataRoutes } from "./opendata.routes.ts";
import { OpenDataService } from "./opendata.service.ts";

/** Open data (avoin data): the catalogue of every module's open datasets, as JSON and as DCAT-AP. */
export const opendataModule: ModuleManifest = {
  name: "opendata",
  available: true,
  webPath: "/open-data",
  routes: async (app, context) => {
    const service = new OpenDataService({
      sources: context.openDataSources,
      warn: (what) => app.log.warn(what),
    });
    await openDataRoutes(app, service, context.config.publicUrl);
  },
};
