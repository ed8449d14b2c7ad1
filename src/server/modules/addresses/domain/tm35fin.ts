// ETRS-TM35FIN (EPSG:3067), the plane coordinates of Finnish registers such as DVV's buildings and
// addresses, to and from geographic ETRS89 (which equals WGS84 to well under a metre, the precision an
// address point has). Transverse Mercator by Krüger's series as in the Finnish public administration's
// recommendation JHS 154 (annex 1): GRS80, central meridian 27° E, scale 0.9996, false easting 500 000 m.

const A = 6378137;
const F = 1 / 298.257222101;
const K0 = 0.9996;
const LAMBDA0 = (27 * Math.PI) / 180;
const FALSE_EASTING = 500000;
const N = F / (2 - F);
const A1 = (A / (1 + N)) * (1 + N ** 2 / 4 + N ** 4 / 64);
const E = Math.sqrt(2 * F - F * F);
const FORWARD = [
  N / 2 - (2 / 3) * N ** 2 + (5 / 16) * N ** 3 + (41 / 180) * N ** 4,
  (13 / 48) * N ** 2 - (3 / 5) * N ** 3 + (557 / 1440) * N ** 4,
  (61 / 240) * N ** 3 - (103 / 140) * N ** 4,
  (49561 / 161280) * N ** 4,
];
const INVERSE = [
  N / 2 - (2 / 3) * N ** 2 + (37 / 96) * N ** 3 - (1 / 360) * N ** 4,
  (1 / 48) * N ** 2 + (1 / 15) * N ** 3 - (437 / 1440) * N ** 4,
  (17 / 480) * N ** 3 - (37 / 840) * N ** 4,
  (4397 / 161280) * N ** 4,
];

/** Northing and easting (metres) of a latitude and longitude (degrees). */
export function toTm35fin(lat: number, long: number): { n: number; e: number } {
  const phi = (lat * Math.PI) / 180;
  const l = (long * Math.PI) / 180 - LAMBDA0;
  const q = Math.asinh(Math.tan(phi)) - E * Math.atanh(E * Math.sin(phi));
  const beta = Math.atan(Math.sinh(q));
  const etaP = Math.atanh(Math.cos(beta) * Math.sin(l));
  const xiP = Math.asin(Math.sin(beta) * Math.cosh(etaP));
  let xi = xiP;
  let eta = etaP;
  FORWARD.forEach((h, i) => {
    const k = 2 * (i + 1);
    xi += h * Math.sin(k * xiP) * Math.cosh(k * etaP);
    eta += h * Math.cos(k * xiP) * Math.sinh(k * etaP);
  });
  return { n: A1 * xi * K0, e: A1 * eta * K0 + FALSE_EASTING };
}

/** Latitude and longitude (degrees) of a northing and easting (metres). */
export function fromTm35fin(n: number, e: number): { lat: number; long: number } {
  const xi = n / (A1 * K0);
  const eta = (e - FALSE_EASTING) / (A1 * K0);
  let xiP = xi;
  let etaP = eta;
  INVERSE.forEach((h, i) => {
    const k = 2 * (i + 1);
    xiP -= h * Math.sin(k * xi) * Math.cosh(k * eta);
    etaP -= h * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  const beta = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
  const l = Math.asin(Math.tanh(etaP) / Math.cos(beta));
  const q = Math.asinh(Math.tan(beta));
  let qP = q + E * Math.atanh(E * Math.tanh(q));
  for (let i = 0; i < 6; i++) qP = q + E * Math.atanh(E * Math.tanh(qP));
  return { lat: (Math.atan(Math.sinh(qP)) * 180) / Math.PI, long: ((LAMBDA0 + l) * 180) / Math.PI };
}
