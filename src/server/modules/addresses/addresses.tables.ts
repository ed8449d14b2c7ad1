import type { Insertable, Selectable } from "kysely";

// Kysely table interfaces of the address register. Booleans are 0/1.

/** address: one street address, with folded search keys (domain/address-key.ts) and a WGS84 point. */
export interface AddressTable {
  id: string;
  municipality: string;
  streetFi: string;
  streetSv: string | null;
  streetKey: string;
  streetSvKey: string | null;
  number: string;
  numberKey: string;
  numberBase: number;
  postalCode: string;
  postOfficeFi: string | null;
  postOfficeSv: string | null;
  lat: number;
  long: number;
  isExample: number;
  updatedAt: string;
}
export type AddressRow = Selectable<AddressTable>;
export type NewAddressRow = Insertable<AddressTable>;

/** address_import: one run of `keskio addresses import`, with the credit its source asks for. */
export interface AddressImportTable {
  id: string;
  importedAt: string;
  fileName: string;
  attribution: string;
  licence: string;
  isExample: number;
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** The register's tables, as its repository sees them. */
export interface AddressTables {
  address: AddressTable;
  addressImport: AddressImportTable;
}
