import { describe, expect, it } from "vitest";
import { InvalidImageError, sniffImageType, stripImageMetadata } from "./image-metadata.ts";
import { containsText, jpegWithMetadata, PLAIN_JPEG, png } from "./test-images.ts";

describe("stripImageMetadata", () => {
  it("leaves a JPEG without metadata byte for byte as it was", () => {
    expect(Buffer.from(stripImageMetadata(PLAIN_JPEG, "image/jpeg")).equals(PLAIN_JPEG)).toBe(true);
  });

  it("removes EXIF GPS, XMP, IPTC, comments and data after EOI from a JPEG, keeping the orientation", () => {
    const photo = jpegWithMetadata(6);
    expect(containsText(photo, "GPS-SECRET")).toBe(true);
    const stripped = Buffer.from(stripImageMetadata(photo, "image/jpeg"));
    for (const secret of ["GPS-SECRET", "GPSLatitude", "Maija", "IPTC", "trailing secret"])
      expect(containsText(stripped, secret), secret).toBe(false);
    // The picture itself (everything from the first table on) is untouched.
    const jfifEnd = 4 + PLAIN_JPEG.readUInt16BE(4);
    expect(
      stripped.subarray(stripped.length - (PLAIN_JPEG.length - jfifEnd)).equals(PLAIN_JPEG.subarray(jfifEnd)),
    ).toBe(true);
    // A minimal EXIF with only Orientation = 6 sits after JFIF.
    const exif = stripped.subarray(jfifEnd);
    expect(exif[1]).toBe(0xe1);
    expect(exif.subarray(4, 10).toString("latin1")).toBe("Exif\0\0");
    expect(exif.readUInt16BE(10 + 8 + 2)).toBe(0x0112);
    expect(exif.readUInt16BE(10 + 8 + 2 + 8)).toBe(6);
    expect(exif.readUInt16BE(2)).toBe(2 + 6 + 8 + 2 + 12 + 4);
  });

  it("keeps no EXIF at all when the photo had no orientation", () => {
    const photo = jpegWithMetadata(0);
    const stripped = Buffer.from(stripImageMetadata(photo, "image/jpeg"));
    expect(containsText(stripped, "Exif")).toBe(false);
    expect(stripped.equals(PLAIN_JPEG)).toBe(true);
  });

  it("removes text, time and eXIf chunks from a PNG and keeps the image chunks", () => {
    const photo = png(true);
    const stripped = Buffer.from(stripImageMetadata(photo, "image/png"));
    expect(stripped.equals(png(false))).toBe(true);
    for (const secret of ["GPS-SECRET", "Maija", "Kauppakatu", "tIME"])
      expect(containsText(stripped, secret)).toBe(false);
  });

  it("refuses bytes that are not what they claim, or are cut short", () => {
    expect(() => stripImageMetadata(png(false), "image/jpeg")).toThrow(InvalidImageError);
    expect(() => stripImageMetadata(PLAIN_JPEG, "image/png")).toThrow(InvalidImageError);
    expect(() => stripImageMetadata(Buffer.from("GIF89a...."), "image/jpeg")).toThrow(InvalidImageError);
    expect(() => stripImageMetadata(PLAIN_JPEG.subarray(0, 200), "image/jpeg")).toThrow(InvalidImageError);
    expect(() => stripImageMetadata(PLAIN_JPEG.subarray(0, PLAIN_JPEG.length - 2), "image/jpeg")).toThrow(
      InvalidImageError,
    );
    const pngBytes = png(false);
    expect(() => stripImageMetadata(pngBytes.subarray(0, pngBytes.length - 12), "image/png")).toThrow(
      InvalidImageError,
    );
  });

  it("never throws anything but InvalidImageError on damaged input", () => {
    const photo = jpegWithMetadata(3);
    for (let i = 2; i < photo.length; i += 7) {
      const damaged = Buffer.from(photo);
      damaged[i] = (damaged[i] ?? 0) ^ 0xff;
      try {
        stripImageMetadata(damaged, "image/jpeg");
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidImageError);
      }
    }
  });

  it("recognises the types by signature", () => {
    expect(sniffImageType(PLAIN_JPEG)).toBe("image/jpeg");
    expect(sniffImageType(png(false))).toBe("image/png");
    expect(sniffImageType(Buffer.from("<svg/>"))).toBeNull();
  });
});
