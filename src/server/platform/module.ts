import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import type { ModuleName } from "../../contracts/meta.ts";
import type { OpenDataset } from "../../contracts/opendata.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/db.ts";
import type { Csrf } from "./csrf.ts";
import type { Mailer } from "./mail.ts";
import type { Authenticate } from "./principal.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** What a module's HTTP plugin is given: the shared database and the configuration. */
export interface ModuleContext {
  config: Config;
  database: Database;
  /** The clock, injectable so that tests can fix "now". */
  now: () => Date;
  mailer: Mailer;
  csrf: Csrf;
  rateLimiter: RateLimiter;
  /** Every installed module's indicator sources; only the strategy module reads them. */
  moduleIndicators: readonly ModuleIndicatorSource[];
  /** Every installed module's personal data, for the identity module's export and erasure. */
  personalDataHolders: readonly PersonalDataHolder[];
  /** Every installed module's open datasets; only the open data module reads them. */
  openDataSources: readonly OpenDataSource[];
  /** Every installed module's residents' texts; only the signals module reads them. */
  signalSources: readonly SignalSource[];
}

/** The services every module gets before the cross-module lists exist (what `indicators` and `personalData` see). */
export type BaseModuleContext = Omit<
  ModuleContext,
  "moduleIndicators" | "personalDataHolders" | "openDataSources" | "signalSources"
>;

/**
 * One text a resident wrote about a matter, for the signals module: only the wording, never the writer's
 * name, e-mail address or phone number.
 */
export interface SignalText {
  /** The source item's id, unique within the module. */
  id: string;
  module: string;
  /** What kind of text it is, e.g. "service_request" (contracts/signals.ts lists them). */
  channel: string;
  /** When it was written (ISO 8601, UTC). */
  at: string;
  text: string;
  /** The staff's web path to the item the text belongs to. */
  link: string;
}

/** The texts residents wrote in a module (DESIGN rule 2: the signals module sees modules only through this). */
export interface SignalSource {
  module: string;
  /** The texts written at or after `since`, up to now. */
  textsSince(since: Date): Promise<SignalText[]>;
}

/**
 * The datasets a module publishes as open data (DESIGN rule 2: the open data module sees modules only
 * through this). Each distribution's path must answer anyone, with no personal data and no count under 5.
 */
export interface OpenDataSource {
  /** The module's name. */
  module: string;
  /** Its datasets as they stand now (a module with rounds lists one per published round). */
  datasets(): Promise<OpenDataset[]>;
}

/**
 * What a module holds about one account, so that a person's data export (GDPR art. 15 and 20) and the
 * deletion of their account (art. 17) reach every module, not only identity.
 */
export interface PersonalDataHolder {
  /** The module's name, the key of its part in the export. */
  module: string;
  /** Everything the module holds about the person, or null when it holds nothing. */
  exportPerson(personId: string): Promise<Record<string, unknown> | null>;
  /** Removes or anonymises it; idempotent, so that a repeated erasure finishes the work. */
  erasePerson(personId: string): Promise<void>;
}

/** A figure a module computes from its own data for the strategy's indicators (DESIGN rule 2). */
export interface ModuleIndicatorSource {
  /** `<module>.<what>`, e.g. "identity.verified_residents"; a strategy indicator names it as its source. */
  key: string;
  /** The value for a year, or null when the module has no figure for that year. */
  valueFor(year: number): Promise<number | null>;
}

/** What a seed run did, for the operator's summary line. */
export interface SeedReport {
  module: string;
  created: number;
  updated: number;
  unchanged: number;
}

/** What `keskio` commands of a module get: lazily opened config and database. */
export interface CommandContext {
  loadConfig(): Config;
  /** Opens the database (migrated to the latest schema); the caller closes it. */
  openDatabase(): Promise<Database>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * The plug of a module (DESIGN rule 2): the server mounts `routes`, `keskio seed` calls `seed`, the command
 * line adds `commands`. Other modules import a module only through its index.ts, which exports its manifest.
 */
export interface ModuleManifest {
  /** A module of the front page, or one of the shared services (identity, the address register). */
  name: ModuleName | "identity" | "addresses";
  /** Whether residents can use it on this installation (the front page lists only what works). */
  available: boolean;
  /** Where its public pages start. */
  webPath: string | null;
  /** Resolves who makes a request (the identity module provides it; at most one module does). */
  authenticate?: (context: ModuleContext) => Authenticate;
  /** Figures it offers to the strategy's indicators, computed from its own data. */
  indicators?: (context: BaseModuleContext) => ModuleIndicatorSource[];
  /** The open datasets it publishes, for the open data catalogue. */
  openData?: (context: BaseModuleContext) => OpenDataSource;
  /** The texts residents wrote in it, for the signals module's emerging topics. */
  signalTexts?: (context: BaseModuleContext) => SignalSource;
  /** Its part of a person's data export and account erasure, when it holds personal data. */
  personalData?: (context: BaseModuleContext) => PersonalDataHolder;
  /** Registers its HTTP routes under /api/v1. */
  routes?: (app: FastifyInstance, context: ModuleContext) => Promise<void>;
  /** Loads its reference content idempotently; `demo` adds labelled example data. */
  seed?: (database: Database, options: { demo: boolean; now: Date }) => Promise<SeedReport>;
  /** Adds its subcommands to `keskio`. */
  commands?: (program: Command, context: CommandContext) => void;
}
