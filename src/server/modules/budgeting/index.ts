import type { ModuleManifest } from "../../platform/module.ts";
import { registerPbCommands } from "./budgeting.commands.ts";

/**
 * Participatory budgeting (kansalaisbudjetointi). The counting library (greedy, Method of Equal Shares with
 * its completions) and `keskio pb count|verify` are in service; rounds, proposals and voting are not built
 * yet, so residents do not see the module as available.
 */
export const budgetingModule: ModuleManifest = {
  name: "budgeting",
  available: false,
  webPath: null,
  commands: (program, context) =>
    registerPbCommands(program, {
      out: (text) => context.out.write(text),
      err: (text) => context.err.write(text),
      setExitCode: (code) => {
        process.exitCode = code;
      },
    }),
};
