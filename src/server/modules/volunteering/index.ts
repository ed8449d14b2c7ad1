import { asModuleDb } from "../../db/db.ts";
import type { BaseModuleContext, ModuleManifest } from "../../platform/module.ts";
import { personContact } from "../identity/index.ts";
import { registerVolunteeringCommands } from "./volunteering.commands.ts";
import { volunteeringOpenData } from "./volunteering.opendata.ts";
import { volunteeringRoutes } from "./volunteering.routes.ts";
import { seedVolunteeringDemo } from "./volunteering.seed.ts";
import { VolunteeringService } from "./volunteering.service.ts";
import type { VolunteeringTables } from "./volunteering.tables.ts";

// One service per app instance, shared by the routes and the indicator.
const services = new WeakMap<object, VolunteeringService>();

function serviceFor(context: BaseModuleContext, warn: (what: string) => void) {
  let service = services.get(context);
  if (!service) {
    service = new VolunteeringService({
      db: asModuleDb<VolunteeringTables>(context.database.db),
      config: context.config,
      mailer: context.mailer,
      rateLimiter: context.rateLimiter,
      now: context.now,
      contactOf: (personId) => personContact(context.database, personId),
      warn,
    });
    services.set(context, service);
  }
  return service;
}

/** Volunteering (vapaaehtoistoiminta): organisations, tasks and shifts, matching, sign-ups, reminders and hours. */
export const volunteeringModule: ModuleManifest = {
  name: "volunteering",
  available: true,
  webPath: "/volunteering",
  routes: async (app, context) => {
    const service = serviceFor(context, (what) => app.log.warn(what));
    await volunteeringRoutes(app, service, context.config.isHttps);
  },
  commands: registerVolunteeringCommands,
  seed: async (database, { demo, now }) => {
    if (!demo) return { module: "volunteering", created: 0, updated: 0, unchanged: 0 };
    return seedVolunteeringDemo(asModuleDb<VolunteeringTables>(database.db), now);
  },
  // Confirmed hours by area and by theme, and the opportunities on offer, all counts under five suppressed.
  openData: (context) => volunteeringOpenData(serviceFor(context, () => undefined)),
  // A person's volunteer profile, sign-ups and hours reach their data export and the deletion of their account.
  personalData: (context) => {
    const service = serviceFor(context, () => undefined);
    return {
      module: "volunteering",
      exportPerson: (personId) => service.exportPerson(personId),
      erasePerson: (personId) => service.erasePerson(personId),
    };
  },
  // Hours of volunteering confirmed by the organisations, per calendar year of the work.
  indicators: (context) => [
    {
      key: "volunteering.confirmed_hours",
      valueFor: async (year) => serviceFor(context, () => undefined).confirmedHours(year),
    },
  ],
};
