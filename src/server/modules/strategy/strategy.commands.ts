import type { Command } from "commander";
import { isLocale, type Locale, pickText } from "../../../contracts/localized-text.ts";
import { asModuleDb } from "../../db/db.ts";
import { createMailer } from "../../platform/mail.ts";
import type { CommandContext } from "../../platform/module.ts";
import { unitContacts } from "../identity/index.ts";
import { StrategyFollowUp } from "./strategy.followup.service.ts";
import type { StrategyTables } from "./strategy.tables.ts";

const SUBJECT: Record<Locale, string> = {
  fi: "Strategian mittareille odotetaan uusia arvoja – Keskiö",
  sv: "Nya värden väntas för strategins indikatorer – Keskiö",
  en: "New values are due for strategy indicators – Keskiö",
};
const INTRO: Record<Locale, string> = {
  fi: "Seuraavien mittareiden uusi arvo on odotettavissa tai myöhässä:",
  sv: "Ett nytt värde väntas eller är försenat för följande indikatorer:",
  en: "A new value is due or overdue for these indicators:",
};
const OVERDUE: Record<Locale, string> = { fi: "myöhässä", sv: "försenat", en: "overdue" };
const DUE: Record<Locale, string> = { fi: "odotetaan", sv: "väntas", en: "due" };

/** `keskio strategy remind`: e-mails each city unit's staff the indicator values they owe (run it daily). */
export function registerStrategyCommands(program: Command, context: CommandContext): void {
  const strategy = program.command("strategy").description("strategy follow-up");
  strategy
    .command("remind")
    .description("e-mail each unit's staff which indicator values are due or overdue")
    .option("--dry-run", "list what would be sent without sending")
    .action(async (options: { dryRun?: boolean }) => {
      const config = context.loadConfig();
      const database = await context.openDatabase();
      const mailer = createMailer(config.mail);
      try {
        const followUp = new StrategyFollowUp(asModuleDb<StrategyTables>(database.db), () => new Date());
        const { values } = await followUp.overdue();
        const byUnit = new Map<string, typeof values>();
        for (const item of values) {
          const unit = item.responsibleUnit ?? "";
          byUnit.set(unit, [...(byUnit.get(unit) ?? []), item]);
        }
        let sent = 0;
        for (const [unit, items] of byUnit) {
          const contacts = unit ? await unitContacts(database, unit) : [];
          if (contacts.length === 0) {
            context.out.write(
              `${items.length} value(s) due for ${unit || "(no unit)"}: no staff with a verified e-mail to remind\n`,
            );
            continue;
          }
          for (const contact of contacts) {
            const locale: Locale = isLocale(contact.locale) ? contact.locale : "fi";
            const lines = items.map(
              (i) =>
                `- ${pickText(i.name, locale).text}: ${i.period ?? ""} (${i.state === "overdue" ? OVERDUE[locale] : DUE[locale]}${i.dueOn ? `, ${i.dueOn}` : ""})`,
            );
            const text = `${INTRO[locale]}\n\n${lines.join("\n")}\n\n${config.publicUrl}\n`;
            if (!options.dryRun)
              await mailer.send({ to: contact.email, subject: SUBJECT[locale], text, language: locale });
            sent += 1;
          }
        }
        context.out.write(
          `${options.dryRun ? "would send" : "sent"} ${sent} reminder(s) about ${values.length} value(s)\n`,
        );
      } finally {
        mailer.close();
        await database.destroy();
      }
    });
}
