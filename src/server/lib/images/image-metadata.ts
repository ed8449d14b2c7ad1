// Removes metadata (EXIF with GPS position, XMP, IPTC, comments, text chunks) from JPEG and PNG files
// without decoding the image, so no image library is needed. Sources: JPEG = ITU-T T.81 Annex B (marker
// segments, byte stuffing), JFIF, Exif 2.32 (APP1, TIFF IFD0, Orientation tag 0x0112), ICC.1 Annex B.4
// (ICC_PROFILE in APP2), Adobe APP14; PNG = ISO/IEC 15948 (chunk layout, critical and ancillary chunks).
// Only the segments needed to show the picture correctly are kept; the EXIF orientation is rewritten as
// a minimal EXIF block holding nothing else, so phone photos are not shown sideways.

/** The image could not be read as the type it claims to be. */
export class InvalidImageError extends Error {
  override name = "InvalidImageError";
}

/** The picture types accepted for uploaded photos (feedback requests, budgeting proposals). */
export type ImageType = "image/jpeg" | "image/png";

/** The type the bytes really are, from their signature, or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  return null;
}

/** The image without metadata; throws InvalidImageError when it is not a well-formed JPEG or PNG. */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  if (sniffImageType(bytes) !== type) throw new InvalidImageError("content does not match its type");
  return type === "image/jpeg" ? stripJpeg(bytes) : stripPng(bytes);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Critical chunks and the ancillary ones that affect how pixels look; text, time and eXIf are dropped.
const PNG_KEEP = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "pHYs",
  "bKGD",
]);

function stripPng(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let pos = 8;
  let first = true;
  while (true) {
    if (pos + 12 > bytes.length) throw new InvalidImageError("PNG ends before IEND");
    const length = readU32(bytes, pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new InvalidImageError("bad PNG chunk type");
    const end = pos + 12 + length;
    if (end > bytes.length) throw new InvalidImageError("PNG chunk runs past the end");
    if (first && type !== "IHDR") throw new InvalidImageError("PNG does not start with IHDR");
    first = false;
    if (PNG_KEEP.has(type)) parts.push(bytes.subarray(pos, end));
    pos = end;
    if (type === "IEND") break;
  }
  return concat(parts);
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let pos = 2;
  let orientationWritten = false;
  while (true) {
    if (pos + 2 > bytes.length) throw new InvalidImageError("JPEG ends before EOI");
    if (bytes[pos] !== 0xff) throw new InvalidImageError("JPEG marker expected");
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[pos + 1] === 0xff) {
      pos++;
      if (pos + 2 > bytes.length) throw new InvalidImageError("JPEG ends in fill bytes");
    }
    const marker = bytes[pos + 1] ?? 0;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(pos, pos + 2));
      break; // anything after EOI is dropped: it can carry hidden data
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (marker === 0x00 || marker === 0xd8) throw new InvalidImageError("unexpected JPEG marker");
    if (pos + 4 > bytes.length) throw new InvalidImageError("JPEG segment header cut off");
    const length = ((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0);
    if (length < 2) throw new InvalidImageError("bad JPEG segment length");
    const end = pos + 2 + length;
    if (end > bytes.length) throw new InvalidImageError("JPEG segment runs past the end");
    const segment = bytes.subarray(pos, end);
    if (marker === 0xe1) {
      // EXIF (or XMP): keep only the orientation, rewritten on its own.
      const orientation = orientationWritten ? null : readExifOrientation(segment.subarray(4));
      if (orientation !== null) {
        parts.push(minimalExif(orientation));
        orientationWritten = true;
      }
    } else if (keepsJpegSegment(marker, segment)) {
      parts.push(segment);
    }
    pos = end;
    if (marker === 0xda) {
      // Entropy-coded data follows the scan header: copy it up to the next real marker.
      const dataStart = pos;
      while (pos < bytes.length) {
        if (bytes[pos] !== 0xff) {
          pos++;
          continue;
        }
        const next = bytes[pos + 1];
        if (next === undefined) throw new InvalidImageError("JPEG scan cut off");
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos += 2;
        else break;
      }
      if (pos >= bytes.length) throw new InvalidImageError("JPEG scan has no end");
      parts.push(bytes.subarray(dataStart, pos));
    }
  }
  return concat(parts);
}

function keepsJpegSegment(marker: number, segment: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker >= 0xe0 && marker <= 0xef) {
    if (marker === 0xe0)
      return startsWithAscii(segment, 4, "JFIF\0") || startsWithAscii(segment, 4, "JFXX\0");
    if (marker === 0xe2) return startsWithAscii(segment, 4, "ICC_PROFILE\0");
    if (marker === 0xee) return startsWithAscii(segment, 4, "Adobe");
    return false; // APP3–APP13, APP15: IPTC, Photoshop, maker data, previews with their own EXIF
  }
  return true; // frame, tables, scan headers and other structural segments
}

/** The EXIF Orientation (1–8) in an APP1 payload ("Exif\0\0" + TIFF), or null. */
function readExifOrientation(payload: Uint8Array): number | null {
  if (!startsWithAscii(payload, 0, "Exif\0\0")) return null;
  const tiff = payload.subarray(6);
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return null;
  const u16 = (at: number) =>
    little ? (tiff[at] ?? 0) | ((tiff[at + 1] ?? 0) << 8) : ((tiff[at] ?? 0) << 8) | (tiff[at + 1] ?? 0);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment whose TIFF has one IFD with one entry: Orientation. */
function minimalExif(orientation: number): Uint8Array {
  const body = [
    ...asciiBytes("Exif\0\0"),
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08], // big-endian TIFF, IFD0 at offset 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01, // Orientation, SHORT, count 1
    0x00,
    orientation,
    0x00,
    0x00, // value, padded
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ];
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

function startsWithAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function asciiBytes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function readU32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) >>> 0) +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
