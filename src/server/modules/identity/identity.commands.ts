import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { ROLES, type Role } from "../../../contracts/identity.ts";
import { asModuleDb } from "../../db/db.ts";
import { normalizeHenkilotunnus, validateHenkilotunnus } from "../../lib/henkilotunnus.ts";
import { createMailer } from "../../platform/mail.ts";
import type { CommandContext } from "../../platform/module.ts";
import { RateLimiter } from "../../platform/rate-limit.ts";
import { IdentityService } from "./identity.service.ts";
import type { IdentityTables } from "./identity.tables.ts";

/** Reads a census file: one identity number per row, in a column named henkilotunnus (or the only column). */
export function readCensusFile(
  text: string,
  allowTemporary: boolean,
): { codes: string[]; badRows: number[] } {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split(/[;,]/).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ""));
  const hasHeader = header.some((h) => /^[a-zäö_]+$/.test(h));
  const column = hasHeader ? Math.max(0, header.indexOf("henkilotunnus")) : 0;
  const codes: string[] = [];
  const badRows: number[] = [];
  lines.slice(hasHeader ? 1 : 0).forEach((line, index) => {
    const cell = (line.split(/[;,]/)[column] ?? "").trim().replace(/^"|"$/g, "");
    const code = normalizeHenkilotunnus(cell);
    if (validateHenkilotunnus(code, { allowTemporary }).ok) codes.push(code);
    else badRows.push(index + (hasHeader ? 2 : 1));
  });
  return { codes, badRows };
}

async function withService<T>(
  context: CommandContext,
  work: (service: IdentityService) => Promise<T>,
): Promise<T> {
  const config = context.loadConfig();
  const database = await context.openDatabase();
  const mailer = createMailer(config.mail);
  try {
    const service = new IdentityService({
      db: asModuleDb<IdentityTables>(database.db),
      config,
      mailer,
      rateLimiter: new RateLimiter(database.db, config.secret),
      now: () => new Date(),
    });
    return await work(service);
  } finally {
    mailer.close();
    await database.destroy();
  }
}

/** `keskio census import` and `keskio users grant-role`: what an operator needs before the admin page works. */
export function registerIdentityCommands(program: Command, context: CommandContext): void {
  const say = (line: string) => context.out.write(`${line}\n`);
  const census = program
    .command("census")
    .description("the municipality's resident list used to verify residents");
  census
    .command("import")
    .description("replace the census list with a CSV of identity numbers (kept only as keyed hashes)")
    .argument("<file>", "CSV with a henkilotunnus column, or one identity number per line")
    .action(async (file: string) => {
      const config = context.loadConfig();
      const { codes, badRows } = readCensusFile(readFileSync(file, "utf8"), config.env !== "production");
      if (badRows.length > 0) {
        const shown = badRows.slice(0, 20).join(", ");
        throw new Error(
          `${badRows.length} row(s) do not hold a valid identity number (rows ${shown}${badRows.length > 20 ? ", …" : ""}); nothing was imported`,
        );
      }
      const result = await withService(context, (service) => service.importCensus(codes));
      say(
        `census list replaced: ${result.listed} people; ${result.verified} newly verified, ${result.revoked} no longer listed`,
      );
    });

  const users = program.command("users").description("accounts and roles");
  users
    .command("grant-role")
    .description("grant a role to the account with this e-mail address (e.g. the first admin)")
    .argument("<email>", "the account's e-mail address")
    .argument("<role>", ROLES.join(" | "))
    .option("--scope <scope>", "the unit or organisation id, for staff and organisation_rep")
    .action(async (email: string, role: string, options: { scope?: string }) => {
      if (!(ROLES as readonly string[]).includes(role))
        throw new Error(`unknown role "${role}"; one of ${ROLES.join(", ")}`);
      await withService(context, async (service) => {
        const id = await service.findIdByEmail(email);
        if (!id) throw new Error("no account has that e-mail address");
        await service.grantRole(null, id, role as Role, options.scope ?? "", null);
      });
      say(`granted ${role}${options.scope ? ` (${options.scope})` : ""}`);
    });
}
