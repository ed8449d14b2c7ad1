import type { ModuleManifest } from "../../platform/module.ts";
import { signalsRoutes } from "./signals.routes.ts";
import { SignalsService } from "./signals.service.ts";

/** Interaction signals (vuorovaikutussignaalit): emerging topics across the texts residents write in the modules. */
export const signalsModule: ModuleManifest = {
  name: "signals",
  available: true,
  webPath: "/signals",
  routes: async (app, context) => {
    const service = new SignalsService({
      sources: context.signalSources,
      now: context.now,
      warn: (what) => app.log.warn(what),
    });
    await signalsRoutes(app, service);
  },
};
