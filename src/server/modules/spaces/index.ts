import { asModuleDb } from "../../db/db.ts";
import type { BaseModuleContext, ModuleManifest } from "../../platform/module.ts";
import { personContact } from "../identity/index.ts";
import { spacesDatasets } from "./domain/open-data.ts";
import { spacesRoutes } from "./spaces.routes.ts";
import { seedSpacesDemo } from "./spaces.seed.ts";
import { SpacesService } from "./spaces.service.ts";
import type { SpacesTables } from "./spaces.tables.ts";

// One service per app instance, shared by the routes and the open data source.
const services = new WeakMap<object, SpacesService>();

function serviceFor(context: BaseModuleContext): SpacesService {
  let service = services.get(context);
  if (!service) {
    service = new SpacesService({
      db: asModuleDb<SpacesTables>(context.database.db),
      now: context.now,
      contactOf: (personId) => personContact(context.database, personId),
    });
    services.set(context, service);
  }
  return service;
}

/** Shared living rooms (yhteiset olohuoneet): spaces, opening hours, exceptions, events and bookings. */
export const spacesModule: ModuleManifest = {
  name: "spaces",
  available: true,
  webPath: "/spaces",
  routes: async (app, context) => spacesRoutes(app, serviceFor(context)),
  seed: async (database, { demo, now }) => {
    if (!demo) return { module: "spaces", created: 0, updated: 0, unchanged: 0 };
    return seedSpacesDemo(asModuleDb<SpacesTables>(database.db), now);
  },
  // A resident's bookings reach their data export and go with their account.
  personalData: (context) => {
    const service = serviceFor(context);
    return {
      module: "spaces",
      exportPerson: (personId) => service.exportPerson(personId),
      erasePerson: (personId) => service.erasePerson(personId),
    };
  },
  openData: (context) => ({
    module: "spaces",
    datasets: async () => spacesDatasets((await serviceFor(context).openSpaces()).modified),
  }),
};
