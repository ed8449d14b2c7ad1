import { asModuleDb } from "../../db/db.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { registerAddressCommands } from "./addresses.commands.ts";
import { addressRoutes } from "./addresses.routes.ts";
import { seedExampleAddresses } from "./addresses.seed.ts";
import { AddressRegister } from "./addresses.service.ts";
import type { AddressTables } from "./addresses.tables.ts";

/**
 * The address register: addresses the city imports from open data (DVV, OpenStreetMap), for address search
 * and for naming the nearest address to a map point, without a paid geocoder. A shared service like identity:
 * it has no pages of its own; feedback's report page uses its API, and other modules may (through this file).
 */
export const addressesModule: ModuleManifest = {
  name: "addresses",
  available: true,
  webPath: null,
  seed: async (database, { demo, now }) =>
    demo
      ? seedExampleAddresses(database, now)
      : { module: "addresses", created: 0, updated: 0, unchanged: 0 },
  commands: (program, context) => registerAddressCommands(program, context),
  routes: async (app, context) => {
    await addressRoutes(app, new AddressRegister(asModuleDb<AddressTables>(context.database.db)));
  },
};
