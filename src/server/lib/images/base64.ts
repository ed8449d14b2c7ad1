/** The bytes of an image sent as base64 in JSON, bare or as a data: URL (what a canvas's toDataURL gives). */
export function decodeBase64Image(data: string): Uint8Array {
  const comma = data.startsWith("data:") ? data.indexOf(",") : -1;
  return Buffer.from(comma >= 0 ? data.slice(comma + 1) : data, "base64");
}
