import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { asModuleDb } from "../../db/db.ts";
import type { CommandContext } from "../../platform/module.ts";
import { AddressRegister } from "./addresses.service.ts";
import type { AddressTables } from "./addresses.tables.ts";
import { readAddressFile } from "./domain/address-csv.ts";

/** The credit DVV's open address data asks for (CC BY 4.0), used when the operator names none. */
export const DVV_ATTRIBUTION = "Digi- ja väestötietovirasto (DVV), Rakennukset ja niiden osoitteet";
const MAX_PROBLEMS_SHOWN = 50;

/** `keskio addresses import FILE.csv [--replace]`: loads the address register from open data. */
export function registerAddressCommands(program: Command, context: CommandContext): void {
  const say = (line: string) => context.out.write(`${line}\n`);
  const addresses = program
    .command("addresses")
    .description("the address register behind address search (imported from open data)");
  addresses
    .command("import")
    .description(
      "import addresses from a CSV file (columns: street_fi, street_sv, number, postal_code, post_office_fi, post_office_sv, municipality, and lat+lon in WGS84 or n+e in ETRS-TM35FIN; see docs/operations.md); running it again with the same file changes nothing",
    )
    .argument("<file>", "the CSV file (UTF-8, comma or semicolon separated, header on the first line)")
    .option("--replace", "also remove the addresses that are not in the file")
    .option("--attribution <text>", "the credit shown with the addresses", DVV_ATTRIBUTION)
    .option("--licence <name>", "the data's licence, shown with the credit", "CC BY 4.0")
    .action(async (file: string, options: { replace?: boolean; attribution: string; licence: string }) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        throw new Error(`cannot read ${file}`);
      }
      const read = readAddressFile(text);
      if (!read.ok) {
        for (const p of read.problems.slice(0, MAX_PROBLEMS_SHOWN))
          context.err.write(
            `${path.basename(file)}:${p.line}: ${p.column ? `${p.column}: ` : ""}${p.message}\n`,
          );
        const more = read.problems.length - MAX_PROBLEMS_SHOWN;
        if (more > 0) context.err.write(`… and ${more} more problem(s)\n`);
        throw new Error(`nothing was imported: ${read.problems.length} problem(s) in ${file}`);
      }
      const attribution = options.attribution.trim();
      const licence = options.licence.trim();
      if (attribution === "" || attribution.length > 300)
        throw new Error("--attribution must have 1–300 characters");
      if (licence === "" || licence.length > 100) throw new Error("--licence must have 1–100 characters");
      const database = await context.openDatabase();
      try {
        const register = new AddressRegister(asModuleDb<AddressTables>(database.db));
        const summary = await register.import(read.records, {
          fileName: path.basename(file),
          attribution,
          licence,
          replace: options.replace === true,
          isExample: false,
          now: new Date(),
        });
        say(
          `${read.records.length} addresses read: ${summary.inserted} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} removed`,
        );
      } finally {
        await database.destroy();
      }
    });
}
