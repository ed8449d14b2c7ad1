// A small multipart/form-data reader (RFC 7578) for Open311 POSTs with `media[]` files: fields become
// strings (repeated names become lists, as with URL-encoded forms) and files are returned with their bytes.
// The whole body is already in memory and size-limited by the server, so no streaming is needed.

/** One uploaded file. */
export interface FormFile {
  field: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/** The fields and files of a form. */
export interface ParsedForm {
  fields: Record<string, string | string[]>;
  files: FormFile[];
}

/** The form is not well-formed multipart/form-data. */
export class MalformedFormError extends Error {
  override name = "MalformedFormError";
}

/** The boundary of a multipart Content-Type header, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? "");
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Reads a multipart/form-data body. */
export function parseMultipart(body: Uint8Array, boundary: string): ParsedForm {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.length);
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string | string[]> = {};
  const files: FormFile[] = [];
  let pos = buffer.indexOf(delimiter);
  if (pos < 0) throw new MalformedFormError("no boundary in the body");
  while (true) {
    pos += delimiter.length;
    if (buffer[pos] === 0x2d && buffer[pos + 1] === 0x2d) break; // "--": the closing delimiter
    if (buffer[pos] !== 0x0d || buffer[pos + 1] !== 0x0a) throw new MalformedFormError("bad delimiter line");
    pos += 2;
    const headerEnd = buffer.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw new MalformedFormError("part without headers");
    const headers = buffer.subarray(pos, headerEnd).toString("utf8").split("\r\n");
    const next = buffer.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new MalformedFormError("part without an end");
    const data = buffer.subarray(headerEnd + 4, next);
    let name: string | null = null;
    let filename: string | null = null;
    let contentType = "text/plain";
    for (const header of headers) {
      const [key = "", ...rest] = header.split(":");
      const value = rest.join(":").trim();
      if (key.trim().toLowerCase() === "content-disposition") {
        name = /(?:^|;)\s*name="([^"]*)"/i.exec(value)?.[1] ?? null;
        filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null;
      } else if (key.trim().toLowerCase() === "content-type") {
        contentType = value.toLowerCase().split(";")[0]?.trim() ?? contentType;
      }
    }
    if (name === null) throw new MalformedFormError("part without a name");
    if (filename !== null) files.push({ field: name, filename, contentType, data: new Uint8Array(data) });
    else {
      const text = data.toString("utf8");
      const existing = fields[name];
      fields[name] =
        existing === undefined ? text : [...(Array.isArray(existing) ? existing : [existing]), text];
    }
    pos = next + 2;
  }
  return { fields, files };
}
