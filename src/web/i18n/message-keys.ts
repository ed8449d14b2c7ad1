/** A nested message catalogue as stored in fi.json, sv.json and en.json. */
export type MessageTree = { readonly [key: string]: string | MessageTree };

/** Every leaf of a catalogue as a dotted key with its string, for completeness checks. */
export function flattenMessages(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flattenMessages(value, path)) out.set(k, v);
  }
  return out;
}

/** The `{{name}}` placeholders of a message, sorted, so translations can be checked to keep them. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}
