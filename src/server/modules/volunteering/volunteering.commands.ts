import { type Command, InvalidArgumentError } from "commander";
import { asModuleDb } from "../../db/db.ts";
import { createMailer } from "../../platform/mail.ts";
import type { CommandContext } from "../../platform/module.ts";
import { RateLimiter } from "../../platform/rate-limit.ts";
import { personContact } from "../identity/index.ts";
import { VolunteeringService } from "./volunteering.service.ts";
import type { VolunteeringTables } from "./volunteering.tables.ts";

function parseHours(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 24 * 14)
    throw new InvalidArgumentError("expected a whole number of hours from 1 to 336.");
  return Number(value);
}

/** `keskio volunteering remind`: e-mails volunteers whose confirmed shift starts soon (run it hourly). */
export function registerVolunteeringCommands(program: Command, context: CommandContext): void {
  const volunteering = program.command("volunteering").description("volunteering: tasks, shifts and hours");
  volunteering
    .command("remind")
    .description(
      "e-mail a reminder to each volunteer whose confirmed shift starts within the window (once each)",
    )
    .option("--hours <hours>", "how far ahead to look, in hours (1–336)", parseHours, 24)
    .option("--dry-run", "count what would be sent without sending")
    .action(async (options: { hours: number; dryRun?: boolean }) => {
      const hours = options.hours;
      const config = context.loadConfig();
      const database = await context.openDatabase();
      const mailer = createMailer(config.mail);
      try {
        const service = new VolunteeringService({
          db: asModuleDb<VolunteeringTables>(database.db),
          config,
          mailer,
          rateLimiter: new RateLimiter(database.db, config.secret),
          now: () => new Date(),
          contactOf: (personId) => personContact(database, personId),
          warn: (what) => context.err.write(`${what}\n`),
        });
        const result = await service.remind(hours, options.dryRun === true);
        context.out.write(
          options.dryRun
            ? `would remind ${result.due} sign-up(s) starting within ${hours} h\n`
            : `sent ${result.sent} reminder(s) for ${result.due} sign-up(s) starting within ${hours} h\n`,
        );
      } finally {
        mailer.close();
        await database.destroy();
      }
    });
}
