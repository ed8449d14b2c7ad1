import { HOUSE_NUMBER, numberBase, numberKey, streetKey } from "./address-key.ts";
import { fromTm35fin } from "./tm35fin.ts";

// Reading an address file for `keskio addresses import`. The columns follow the open data a Finnish city can
// get: DVV's "Rakennukset ja niiden osoitteet" (street names in Finnish and Swedish, house number, postal
// code, municipality number, ETRS-TM35FIN coordinates) and OpenStreetMap extracts (addr:* tags, WGS84).
// Every row is checked; any problem stops the whole import, so a register is never half replaced.

/** One address ready to store. */
export interface AddressRecord {
  line: number;
  municipality: string;
  streetFi: string;
  streetSv: string | null;
  streetKey: string;
  streetSvKey: string | null;
  number: string;
  numberKey: string;
  numberBase: number;
  postalCode: string;
  postOfficeFi: string | null;
  postOfficeSv: string | null;
  lat: number;
  long: number;
}

/** A problem with the file or one of its lines (line 1 is the header). */
export interface AddressFileProblem {
  line: number;
  column: string | null;
  message: string;
}

/** The canonical columns and the other names they go by in the sources (header names are case-insensitive). */
export const ADDRESS_COLUMNS: Record<string, readonly string[]> = {
  street_fi: ["street_fi", "katunimi", "katunimi_fi", "katunimi_suomeksi", "addr:street"],
  street_sv: ["street_sv", "katunimi_sv", "katunimi_ruotsiksi", "gatunamn", "addr:street:sv"],
  number: ["number", "osoitenumero", "katunumero", "addr:housenumber"],
  postal_code: ["postal_code", "postinumero", "addr:postcode"],
  post_office_fi: ["post_office_fi", "postitoimipaikka", "postitoimipaikka_fi", "addr:city"],
  post_office_sv: ["post_office_sv", "postitoimipaikka_sv", "postanstalt", "addr:city:sv"],
  municipality: ["municipality", "kunta", "kuntanumero", "kunta_nro", "addr:municipality"],
  lat: ["lat", "latitude", "leveys"],
  lon: ["lon", "long", "longitude", "lng", "pituus"],
  n: ["n", "etrs_n", "etrs_tm35fin_n", "pohjoinen", "pohjoiskoordinaatti"],
  e: ["e", "etrs_e", "etrs_tm35fin_e", "ita", "itakoordinaatti"],
};

// Mainland Finland and Åland with a margin: a point outside is a swapped or mistyped coordinate.
const LAT_RANGE = [59.0, 70.5] as const;
const LONG_RANGE = [19.0, 32.0] as const;
const MAX_TEXT = 100;

/** Splits CSV text (RFC 4180: quotes, doubled quotes, line breaks in quotes; comma or semicolon) into rows. */
export function parseCsvRows(text: string): { rows: string[][]; lines: number[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) {
        rows.push(row);
        lines.push(rowLine);
      }
      row = [];
      field = "";
      line++;
      rowLine = line;
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== "")) {
    rows.push(row);
    lines.push(rowLine);
  }
  return { rows, lines };
}

/** Reads and checks an address file: the records when every line is right, or every problem found. */
export function readAddressFile(
  text: string,
): { ok: true; records: AddressRecord[] } | { ok: false; problems: AddressFileProblem[] } {
  const { rows, lines } = parseCsvRows(text);
  const header = rows[0];
  if (!header) return { ok: false, problems: [{ line: 1, column: null, message: "the file is empty" }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Record<string, number> = {};
  const problems: AddressFileProblem[] = [];
  for (const [column, aliases] of Object.entries(ADDRESS_COLUMNS)) {
    const found = names.findIndex((name) => aliases.includes(name));
    if (found >= 0) index[column] = found;
  }
  for (const column of ["street_fi", "number", "postal_code", "municipality"]) {
    if (index[column] === undefined)
      problems.push({ line: 1, column, message: `the header has no column ${column}` });
  }
  const hasWgs84 = index.lat !== undefined && index.lon !== undefined;
  const hasTm35 = index.n !== undefined && index.e !== undefined;
  if (!hasWgs84 && !hasTm35)
    problems.push({
      line: 1,
      column: "lat/lon",
      message: "the header needs lat and lon (WGS84) or n and e (ETRS-TM35FIN)",
    });
  if (problems.length > 0) return { ok: false, problems };

  const records: AddressRecord[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1] as number;
    const cell = (column: string) => {
      const at = index[column];
      return at === undefined ? "" : (row[at] ?? "").trim();
    };
    const problem = (column: string | null, message: string) => problems.push({ line, column, message });
    const before = problems.length;
    if (row.length !== header.length)
      problem(null, `the line has ${row.length} fields; the header has ${header.length}`);
    const streetFi = cell("street_fi");
    const streetSv = cell("street_sv") || null;
    for (const [column, value] of [
      ["street_fi", streetFi],
      ["street_sv", streetSv ?? ""],
      ["post_office_fi", cell("post_office_fi")],
      ["post_office_sv", cell("post_office_sv")],
      ["municipality", cell("municipality")],
    ] as const) {
      if (value.length > MAX_TEXT) problem(column, `longer than ${MAX_TEXT} characters`);
    }
    if (streetKey(streetFi).length < 2) problem("street_fi", "the street name is missing");
    if (streetSv !== null && streetKey(streetSv).length < 2)
      problem("street_sv", "the Swedish street name has no letters");
    const number = cell("number").replace(/\s+/g, " ");
    if (!HOUSE_NUMBER.test(number))
      problem("number", `"${number.slice(0, 20)}" is not a house number (e.g. 5, 5 a, 12-14)`);
    const postalCode = cell("postal_code");
    if (!/^\d{5}$/.test(postalCode)) problem("postal_code", "a postal code has five digits");
    const municipality = cell("municipality");
    if (municipality === "") problem("municipality", "the municipality is missing");
    let point: { lat: number; long: number } | null = null;
    if (hasWgs84 && (cell("lat") !== "" || !hasTm35)) {
      const lat = readNumber(cell("lat"));
      const long = readNumber(cell("lon"));
      if (lat === null || long === null) problem("lat/lon", "the coordinates are not numbers");
      else point = { lat, long };
    } else {
      const n = readNumber(cell("n"));
      const e = readNumber(cell("e"));
      if (n === null || e === null) problem("n/e", "the coordinates are not numbers");
      else if (n < 6_500_000 || n > 7_850_000 || e < 0 || e > 800_000)
        problem("n/e", "the ETRS-TM35FIN coordinates are outside Finland (are n and e swapped?)");
      else point = fromTm35fin(n, e);
    }
    if (
      point &&
      (point.lat < LAT_RANGE[0] ||
        point.lat > LAT_RANGE[1] ||
        point.long < LONG_RANGE[0] ||
        point.long > LONG_RANGE[1])
    ) {
      problem(
        hasWgs84 ? "lat/lon" : "n/e",
        "the point is outside Finland (are latitude and longitude swapped?)",
      );
      point = null;
    }
    if (problems.length > before || !point) return;
    const key = `${municipality.toLowerCase()}|${streetKey(streetFi)}|${numberKey(number)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(null, `the same address as on line ${earlier}`);
      return;
    }
    seen.set(key, line);
    records.push({
      line,
      municipality,
      streetFi,
      streetSv,
      streetKey: streetKey(streetFi),
      streetSvKey: streetSv === null ? null : streetKey(streetSv),
      number,
      numberKey: numberKey(number),
      numberBase: numberBase(number),
      postalCode,
      postOfficeFi: cell("post_office_fi") || null,
      postOfficeSv: cell("post_office_sv") || null,
      lat: round7(point.lat),
      long: round7(point.long),
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 0)
    return { ok: false, problems: [{ line: 2, column: null, message: "the file has no addresses" }] };
  return { ok: true, records };
}

// A decimal comma is accepted, as Finnish spreadsheets write one.
function readNumber(text: string): number | null {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

// Seven decimals of a degree is about a centimetre: more would claim a precision no source has.
function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
