import type { Kysely, Transaction } from "kysely";
import type { AddressRow, AddressTables, NewAddressRow } from "./addresses.tables.ts";
import type { AddressQuery } from "./domain/address-key.ts";
import { prefixEnd } from "./domain/address-key.ts";

/** The address register's database handle (its own tables only). */
export type AddressDb = Kysely<AddressTables>;
type AddressTx = Transaction<AddressTables>;

/**
 * Addresses whose Finnish or Swedish street name starts with the prefix, narrowed by house number, in street
 * and number order. Each name is read through its own index in that index's order, so a short prefix over a
 * large register stops after `limit` entries instead of sorting every match; the two are merged here.
 */
export async function selectByStreetPrefix(
  db: AddressDb,
  query: AddressQuery,
  limit: number,
): Promise<{ row: AddressRow; matched: "fi" | "sv" }[]> {
  const end = prefixEnd(query.streetPrefix);
  // A few more than asked, so that addresses sharing a whole number (5, 5 a, 5 b) are not cut in the middle.
  const take = limit + 8;
  const byName = (key: "streetKey" | "streetSvKey") => {
    let select = db
      .selectFrom("address")
      .selectAll()
      .where(key, ">=", query.streetPrefix)
      .where(key, "<", end);
    if (query.numberBase !== null) select = select.where("numberBase", "=", query.numberBase);
    if (query.numberPrefix !== null)
      select = select
        .where("numberKey", ">=", query.numberPrefix)
        .where("numberKey", "<", prefixEnd(query.numberPrefix));
    return select.orderBy(key).orderBy("numberBase").limit(take).execute();
  };
  const found = new Map<string, { row: AddressRow; matched: "fi" | "sv"; key: string }>();
  for (const row of await byName("streetKey")) found.set(row.id, { row, matched: "fi", key: row.streetKey });
  for (const row of await byName("streetSvKey"))
    if (!found.has(row.id)) found.set(row.id, { row, matched: "sv", key: row.streetSvKey ?? "" });
  return [...found.values()]
    .sort(
      (a, b) =>
        compare(a.key, b.key) ||
        a.row.numberBase - b.row.numberBase ||
        compare(a.row.numberKey, b.row.numberKey) ||
        compare(a.row.municipality, b.row.municipality),
    )
    .slice(0, limit)
    .map(({ row, matched }) => ({ row, matched }));
}

// Byte order, as the keys' collation ("C" on PostgreSQL, binary on SQLite) has it.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Addresses inside a box of latitude and longitude (the candidates of a nearest-point lookup). */
export async function selectInBox(
  db: AddressDb,
  box: { minLat: number; maxLat: number; minLong: number; maxLong: number },
  limit: number,
): Promise<AddressRow[]> {
  return db
    .selectFrom("address")
    .selectAll()
    .where("lat", ">=", box.minLat)
    .where("lat", "<=", box.maxLat)
    .where("long", ">=", box.minLong)
    .where("long", "<=", box.maxLong)
    .limit(limit)
    .execute();
}

/** The latest import's credit line, or undefined when nothing was imported. */
export async function selectLatestImport(db: AddressDb) {
  return db
    .selectFrom("addressImport")
    .select(["attribution", "licence", "isExample", "importedAt"])
    .orderBy("importedAt", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Every stored address (an import compares the file with them). */
export async function selectAllAddresses(db: AddressDb | AddressTx): Promise<AddressRow[]> {
  return db.selectFrom("address").selectAll().execute();
}

// Both dialects accept this many bound values in one statement with room to spare (16 columns a row).
const CHUNK = 500;

/** Inserts addresses in chunks. */
export async function insertAddresses(tx: AddressTx, rows: NewAddressRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto("address")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Overwrites one address's values (its id and natural key stay). */
export async function updateAddress(
  tx: AddressTx,
  id: string,
  row: Omit<NewAddressRow, "id">,
): Promise<void> {
  await tx.updateTable("address").set(row).where("id", "=", id).execute();
}

/** Deletes addresses by id, in chunks. */
export async function deleteAddresses(tx: AddressTx, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx
      .deleteFrom("address")
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
  }
}

/** Records one import run. */
export async function insertImport(tx: AddressTx, row: AddressTables["addressImport"]): Promise<void> {
  await tx.insertInto("addressImport").values(row).execute();
}
