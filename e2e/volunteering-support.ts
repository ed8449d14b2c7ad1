import { readFileSync } from "node:fs";

type Catalogue = { [key: string]: string | Catalogue };
const fiVolunteering = JSON.parse(
  readFileSync(new URL("../src/web/i18n/modules/volunteering.fi.json", import.meta.url), "utf8"),
) as Catalogue;

/** A Finnish string of the volunteering catalogue (the module's strings live in their own file). */
export function v(key: string, values: Record<string, string | number> = {}): string {
  let node: string | Catalogue | undefined = fiVolunteering;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no volunteering.${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}
