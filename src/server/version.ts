import { readFileSync } from "node:fs";
import path from "node:path";

/** The version in package.json: the one source of truth for the API document and `keskio version`. */
export const KESKIO_VERSION: string = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    version: string;
  }
).version;
