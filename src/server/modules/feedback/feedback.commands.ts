import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { asModuleDb } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import type { CommandContext } from "../../platform/module.ts";
import { insertApiKey, revokeApiKey, selectApiKeys } from "./feedback.repository.ts";
import { hashApiKey } from "./feedback.service.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

/** `keskio open311 key create|list|revoke`: API keys for Open311 clients, stored only as SHA-256 hashes. */
export function registerFeedbackCommands(program: Command, context: CommandContext): void {
  const say = (line: string) => context.out.write(`${line}\n`);
  const withDb = async <T>(work: (db: ReturnType<typeof asModuleDb<FeedbackTables>>) => Promise<T>) => {
    const database = await context.openDatabase();
    try {
      return await work(asModuleDb<FeedbackTables>(database.db));
    } finally {
      await database.destroy();
    }
  };
  const key = program
    .command("open311")
    .description("the Open311 GeoReport v2 API at /open311/v2/")
    .command("key")
    .description("API keys of Open311 clients (a POST needs one)");
  key
    .command("create")
    .description("create a key and print it once; only its hash is stored")
    .requiredOption("--name <name>", "who the key is for, e.g. the app or organisation")
    .action(async (options: { name: string }) => {
      const name = options.name.trim();
      if (name === "" || name.length > 200) throw new Error("--name must have 1–200 characters");
      const value = randomBytes(32).toString("base64url");
      const id = newId();
      await withDb((db) =>
        insertApiKey(db, {
          id,
          name,
          keyHash: hashApiKey(value),
          createdAt: new Date().toISOString(),
          revokedAt: null,
        }),
      );
      say(`id:  ${id}`);
      say(`key: ${value}`);
      say("Store the key now: it cannot be shown again.");
    });
  key
    .command("list")
    .description("list keys (names and dates; never the keys)")
    .action(async () => {
      const keys = await withDb((db) => selectApiKeys(db));
      if (keys.length === 0) say("no API keys");
      for (const k of keys)
        say(
          `${k.id}  ${k.revokedAt ? `revoked ${k.revokedAt}` : "active"}  created ${k.createdAt}  ${k.name}`,
        );
    });
  key
    .command("revoke")
    .description("revoke a key by its id (takes effect within seconds)")
    .argument("<id>", "the key's id from `keskio open311 key list`")
    .action(async (id: string) => {
      const changed = await withDb((db) => revokeApiKey(db, id, new Date().toISOString()));
      if (changed === 0) throw new Error("no active key has that id");
      say(`revoked ${id}`);
    });
}
