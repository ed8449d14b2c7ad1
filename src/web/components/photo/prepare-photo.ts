// Photos residents attach (feedback requests, budgeting proposals) are prepared in the browser the same way.

/** The longest side of a photo as sent: enough to see a pothole, small enough for a slow connection. */
export const PHOTO_MAX_SIDE = 1600;
/** Files larger than this are refused before reading (a phone photo is 2–12 MB). */
export const PHOTO_MAX_INPUT_BYTES = 25 * 1024 * 1024;

/** A photo ready to send: a JPEG data URL (also its preview) and the base64 data the API takes. */
export type PreparedPhoto = { dataUrl: string; data: string; contentType: "image/jpeg"; name: string };

/** Why a file could not be used as a photo. */
export type PhotoProblem = "type" | "size" | "unreadable";

/**
 * Scales a photo down and re-encodes it as JPEG through a canvas. A canvas keeps only pixels, so the
 * EXIF data (GPS position, camera, time) never leaves the device; the server strips metadata again.
 * The orientation the camera recorded is applied first, so the photo is the right way up.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto | PhotoProblem> {
  if (file.type !== "image/jpeg" && file.type !== "image/png") return "type";
  if (file.size > PHOTO_MAX_INPUT_BYTES) return "size";
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return "unreadable";
  }
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height, PHOTO_MAX_SIDE);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) return "unreadable";
    // A transparent PNG gets a white background rather than black in the JPEG.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    const dataUrl = canvas.toDataURL("image/jpeg", 0.85);
    const comma = dataUrl.indexOf(",");
    if (!dataUrl.startsWith("data:image/jpeg") || comma < 0) return "unreadable";
    return { dataUrl, data: dataUrl.slice(comma + 1), contentType: "image/jpeg", name: file.name };
  } finally {
    bitmap.close();
  }
}

/** The size a photo is scaled to, so that its longest side is at most `max` pixels (never enlarged). */
export function scaledSize(width: number, height: number, max: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
