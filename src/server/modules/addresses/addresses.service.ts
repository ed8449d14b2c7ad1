import type { AddressAttribution, AddressHit } from "../../../contracts/addresses.ts";
import { NEAREST_DEFAULT_METRES } from "../../../contracts/addresses.ts";
import { inTransaction } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { AppError } from "../../platform/errors.ts";
import {
  type AddressDb,
  deleteAddresses,
  insertAddresses,
  insertImport,
  selectAllAddresses,
  selectByStreetPrefix,
  selectInBox,
  selectLatestImport,
  updateAddress,
} from "./addresses.repository.ts";
import type { AddressRow, NewAddressRow } from "./addresses.tables.ts";
import type { AddressRecord } from "./domain/address-csv.ts";
import { parseAddressQuery } from "./domain/address-key.ts";

const METRES_PER_DEGREE = 111_320;
// A box this full is a dense block of flats; the nearest of 400 candidates is near enough to the nearest.
const NEAREST_CANDIDATES = 400;

const NO_STREET = {
  fi: "Kirjoita osoitteesta vähintään kaksi kirjainta, esimerkiksi ”Kauppak 5”.",
  sv: "Skriv minst två bokstäver av adressen, till exempel ”Köpmansg 5”.",
  en: "Type at least two letters of the address, for example “Kauppak 5”.",
};

/** What an import did. */
export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Options of one import: where the data comes from, to be credited, and whether to drop what the file lacks. */
export interface ImportOptions {
  fileName: string;
  attribution: string;
  licence: string;
  replace: boolean;
  isExample: boolean;
  now: Date;
  /** Whether a run that changes nothing is still recorded (the operator's runs are; the demo seed's are not). */
  recordUnchanged?: boolean;
}

/** The address register: search by street, nearest address to a point, and import from open data. */
export class AddressRegister {
  readonly #db: AddressDb;

  constructor(db: AddressDb) {
    this.#db = db;
  }

  /** Suggestions for what a resident types ("kauppak 5"); a text without a street is a 400. */
  async search(text: string, limit: number): Promise<AddressHit[]> {
    const query = parseAddressQuery(text);
    if (!query) throw new AppError("validation_failed", NO_STREET, [{ path: "/q", message: NO_STREET.en }]);
    const found = await selectByStreetPrefix(this.#db, query, limit);
    return found.map(({ row, matched }) => toHit(row, matched));
  }

  /** The nearest address within `within` metres of a point, with its distance, or null. */
  async nearest(
    lat: number,
    long: number,
    within = NEAREST_DEFAULT_METRES,
  ): Promise<{ address: AddressHit; distanceMetres: number } | null> {
    const dLat = within / METRES_PER_DEGREE;
    const dLong = within / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    const rows = await selectInBox(
      this.#db,
      { minLat: lat - dLat, maxLat: lat + dLat, minLong: long - dLong, maxLong: long + dLong },
      NEAREST_CANDIDATES,
    );
    let best: { row: AddressRow; distance: number } | null = null;
    for (const row of rows) {
      const distance = metresBetween(lat, long, row.lat, row.long);
      if (distance <= within && (!best || distance < best.distance)) best = { row, distance };
    }
    return best ? { address: toHit(best.row, "fi"), distanceMetres: Math.round(best.distance) } : null;
  }

  /** The credit of the latest import, shown wherever the addresses are. */
  async attribution(): Promise<AddressAttribution | null> {
    const latest = await selectLatestImport(this.#db);
    return latest
      ? { text: latest.attribution, licence: latest.licence, isExample: latest.isExample === 1 }
      : null;
  }

  /**
   * Stores checked records: new addresses are added, changed ones updated, identical ones left alone (so a
   * second run of the same file changes nothing); with `replace`, addresses the file lacks are removed.
   * One transaction: a failure leaves the register as it was.
   */
  async import(records: readonly AddressRecord[], options: ImportOptions): Promise<ImportSummary> {
    const at = options.now.toISOString();
    return inTransaction(this.#db, async (tx) => {
      const existing = new Map((await selectAllAddresses(tx)).map((row) => [naturalKey(row), row] as const));
      const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
      const fresh: NewAddressRow[] = [];
      const kept = new Set<string>();
      for (const record of records) {
        const values = toValues(record, options.isExample, at);
        const old = existing.get(naturalKey(values));
        if (!old) {
          fresh.push({ id: newId(), ...values });
          summary.inserted++;
          continue;
        }
        kept.add(old.id);
        if (sameValues(old, values)) summary.unchanged++;
        else {
          await updateAddress(tx, old.id, values);
          summary.updated++;
        }
      }
      await insertAddresses(tx, fresh);
      if (options.replace) {
        const gone = [...existing.values()].filter((row) => !kept.has(row.id)).map((row) => row.id);
        await deleteAddresses(tx, gone);
        summary.removed = gone.length;
      }
      const changed = summary.inserted + summary.updated + summary.removed > 0;
      if (changed || options.recordUnchanged !== false)
        await insertImport(tx, {
          id: newId(),
          importedAt: at,
          fileName: options.fileName,
          attribution: options.attribution,
          licence: options.licence,
          isExample: options.isExample ? 1 : 0,
          ...summary,
        });
      return summary;
    });
  }
}

function toValues(record: AddressRecord, isExample: boolean, at: string): Omit<NewAddressRow, "id"> {
  const { line: _line, ...values } = record;
  return { ...values, isExample: isExample ? 1 : 0, updatedAt: at };
}

function naturalKey(row: { municipality: string; streetKey: string; numberKey: string }): string {
  return `${row.municipality}|${row.streetKey}|${row.numberKey}`;
}

const COMPARED = [
  "streetFi",
  "streetSv",
  "streetSvKey",
  "number",
  "numberBase",
  "postalCode",
  "postOfficeFi",
  "postOfficeSv",
  "lat",
  "long",
  "isExample",
] as const;

function sameValues(row: AddressRow, values: Omit<NewAddressRow, "id">): boolean {
  return COMPARED.every((column) => row[column] === (values[column] ?? null));
}

function toHit(row: AddressRow, matched: "fi" | "sv"): AddressHit {
  return {
    id: row.id,
    streetFi: row.streetFi,
    streetSv: row.streetSv,
    number: row.number,
    postalCode: row.postalCode,
    postOfficeFi: row.postOfficeFi,
    postOfficeSv: row.postOfficeSv,
    municipality: row.municipality,
    lat: Number(row.lat),
    long: Number(row.long),
    matched,
    isExample: row.isExample === 1,
  };
}

/** Distance in metres by the equirectangular approximation: exact enough within a few hundred metres. */
export function metresBetween(lat1: number, long1: number, lat2: number, long2: number): number {
  const x = (((long2 - long1) * Math.PI) / 180) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const y = ((lat2 - lat1) * Math.PI) / 180;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}
