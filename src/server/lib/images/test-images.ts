import { crc32, deflateSync } from "node:zlib";

// Real, tiny images for tests, and builders that add the metadata a phone camera writes (EXIF with GPS,
// XMP, comments, PNG text chunks), so that stripping can be checked byte for byte.

/** A real 16×16 baseline JPEG (JFIF, no metadata), 543 bytes. */
export const PLAIN_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z",
  "base64",
);

/** The JPEG with an EXIF block (orientation + GPS position), an XMP block and a comment inserted after JFIF. */
export function jpegWithMetadata(orientation = 6): Buffer {
  const jfifEnd = 2 + 2 + PLAIN_JPEG.readUInt16BE(4);
  return Buffer.concat([
    PLAIN_JPEG.subarray(0, jfifEnd),
    exifSegment(orientation),
    segment(
      0xe1,
      Buffer.from(
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>61,12.3N</exif:GPSLatitude></x:xmpmeta>",
        "latin1",
      ),
    ),
    segment(0xfe, Buffer.from("Kuvaaja: Maija Meikäläinen", "utf8")),
    segment(0xed, Buffer.from("Photoshop 3.0\0IPTC by Maija", "latin1")),
    PLAIN_JPEG.subarray(jfifEnd),
    Buffer.from("trailing secret after EOI"),
  ]);
}

/** Whether bytes contain a text (to check that a secret is gone). */
export function containsText(bytes: Uint8Array, text: string): boolean {
  return (
    Buffer.from(bytes).includes(Buffer.from(text, "utf8")) ||
    Buffer.from(bytes).includes(Buffer.from(text, "latin1"))
  );
}

// Little-endian TIFF: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD holds latitude "N" and a
// maker text so that the test can look for it.
function exifSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(96);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8); // two entries
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt16LE(0x8825, 22); // GPSInfo IFD pointer
  tiff.writeUInt16LE(4, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt32LE(38, 30);
  tiff.writeUInt32LE(0, 34); // no next IFD
  tiff.writeUInt16LE(1, 38); // GPS IFD: one entry
  tiff.writeUInt16LE(0x0001, 40); // GPSLatitudeRef
  tiff.writeUInt16LE(2, 42);
  tiff.writeUInt32LE(2, 44);
  tiff.write("N\0", 48, "latin1");
  tiff.writeUInt32LE(0, 52);
  tiff.write("GPS-SECRET-61.2N", 56, "latin1");
  return segment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]));
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A real 2×2 RGB PNG; with metadata it also has tEXt, iTXt, tIME and eXIf chunks. */
export function png(withMetadata: boolean): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const chunks = [chunk("IHDR", ihdr)];
  if (withMetadata) {
    chunks.push(chunk("tEXt", Buffer.from("Author\0Maija Meikalainen", "latin1")));
    chunks.push(chunk("eXIf", Buffer.from("MM\0*GPS-SECRET-61.2N", "latin1")));
    chunks.push(chunk("tIME", Buffer.from([0x07, 0xea, 11, 29, 2, 0, 0])));
  }
  chunks.push(chunk("IDAT", deflateSync(raw)));
  if (withMetadata)
    chunks.push(chunk("iTXt", Buffer.from("Comment\0\0\0\0\0Kotiosoite Kauppakatu 1", "utf8")));
  chunks.push(chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
