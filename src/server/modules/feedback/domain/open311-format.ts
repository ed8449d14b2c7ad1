// GeoReport v2 wire formats (open311.md, S1): XML with an XML declaration and no namespace, and JSON as the
// "Spark convention" mapping of the same XML (a list element becomes an array of its items). One tree is
// built per response and written in either format, so both always carry the same data.

/** A value in a response tree: scalars, nested elements, and lists of repeated elements. */
export type Open311Value = string | number | boolean | null | undefined | Open311Element | Open311List;
/** An element with named children (absent children are left out). */
export interface Open311Element {
  [name: string]: Open311Value;
}
/** A list: in XML, each item is an element named `item` inside the list's element; in JSON, an array. */
export interface Open311List {
  readonly list: true;
  readonly item: string;
  readonly items: readonly Open311Value[];
}

/** A list whose XML items are named `item`. */
export function listOf(item: string, items: readonly Open311Value[]): Open311List {
  return { list: true, item, items };
}

function isList(value: Open311Value): value is Open311List {
  return typeof value === "object" && value !== null && (value as Open311List).list === true;
}

/** The JSON text of a response whose root is `root` (the root's name disappears in JSON). */
export function toJson(root: Open311Value): string {
  return JSON.stringify(toPlain(root));
}

function toPlain(value: Open311Value): unknown {
  if (value === undefined) return undefined;
  if (isList(value)) return value.items.map(toPlain);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = toPlain(child);
    return out;
  }
  return value;
}

/** The XML document of a response, with `rootName` as its root element. */
export function toXml(rootName: string, root: Open311Value): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(rootName, root)}`;
}

function element(name: string, value: Open311Value): string {
  if (value === undefined) return "";
  if (value === null || value === "") return `<${name}/>`;
  if (isList(value))
    return `<${name}>${value.items.map((item) => element(value.item, item)).join("")}</${name}>`;
  if (typeof value === "object") {
    const children = Object.entries(value)
      .map(([key, child]) => element(key, child))
      .join("");
    return children === "" ? `<${name}/>` : `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

// Characters XML 1.0 cannot carry at all (C0 controls except tab, newline, carriage return; lone
// surrogates; U+FFFE/U+FFFF) are dropped.
function isXmlChar(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false; // for…of yields pairs whole, so only lone halves
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

/** Text safe inside an XML element. */
export function escapeXml(text: string): string {
  let kept = "";
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  return kept
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** An instant as a W3C datetime in UTC with the time zone "Z", without milliseconds. */
export function w3cDate(iso: string | null): string | undefined {
  if (iso === null) return undefined;
  // Stored instants are already UTC ISO strings (both dialects); only other shapes need parsing.
  if (UTC_ISO.test(iso)) return `${iso.slice(0, 19)}Z`;
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** One GeoReport error. */
export interface Open311Error {
  code: number;
  description: string;
}

/** The error list in a format: JSON array, or `<errors><error>…`. */
export function formatErrors(format: "json" | "xml", errors: readonly Open311Error[]): string {
  const tree = listOf(
    "error",
    errors.map((e) => ({ code: e.code, description: e.description })),
  );
  return format === "json" ? toJson(tree) : toXml("errors", tree);
}
