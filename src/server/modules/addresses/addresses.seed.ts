import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "../../db/db.ts";
import { asModuleDb } from "../../db/db.ts";
import type { SeedReport } from "../../platform/module.ts";
import { AddressRegister } from "./addresses.service.ts";
import type { AddressTables } from "./addresses.tables.ts";
import { readAddressFile } from "./domain/address-csv.ts";

const EXAMPLE_FILE = path.resolve(import.meta.dirname, "../../../../data/seed/addresses-heinola-example.csv");

/** The credit of the example addresses: it says plainly that they are not a real register. */
export const EXAMPLE_ATTRIBUTION =
  "Esimerkkiaineisto: keksityt osoitepisteet Heinolan keskustan lähellä, ei todellinen osoiterekisteri / " +
  "Exempeldata: påhittade adresspunkter nära Heinola centrum / Example data: made-up address points near Heinola's centre";

/**
 * With --demo only: a few example addresses so that address search can be tried. Their points are made up
 * (laid out along lines near the centre) and every one is marked as example data; real data comes by
 * `keskio addresses import`. A register that already holds real addresses is left alone.
 */
export async function seedExampleAddresses(database: Database, now: Date): Promise<SeedReport> {
  const db = asModuleDb<AddressTables>(database.db);
  const real = await db
    .selectFrom("address")
    .select("id")
    .where("isExample", "=", 0)
    .limit(1)
    .executeTakeFirst();
  if (real) return { module: "addresses", created: 0, updated: 0, unchanged: 0 };
  const read = readAddressFile(readFileSync(EXAMPLE_FILE, "utf8"));
  if (!read.ok) throw new Error(`${EXAMPLE_FILE}: ${read.problems.map((p) => p.message).join("; ")}`);
  const summary = await new AddressRegister(db).import(read.records, {
    fileName: path.basename(EXAMPLE_FILE),
    attribution: EXAMPLE_ATTRIBUTION,
    licence: "CC BY 4.0",
    replace: false,
    isExample: true,
    now,
    recordUnchanged: false,
  });
  return {
    module: "addresses",
    created: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
  };
}
