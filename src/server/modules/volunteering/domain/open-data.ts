// Aggregates for open data (CC BY 4.0): counts under five are suppressed, as the house rules and THL practice
// require, so that no published figure can point at a person; suppressed cells are empty, not zero.

/** The smallest count that may be published. */
export const MIN_PUBLISHED_COUNT = 5;

/** One aggregate row before suppression. */
export interface HoursCell {
  month: string;
  area: string;
  volunteers: number;
  minutes: number;
}

/** A row as published: counts below the threshold (and the hours that would reveal them) become null. */
export interface PublishedHours {
  month: string;
  area: string;
  volunteers: number | null;
  hours: number | null;
}

/** Suppresses small cells of confirmed hours by month and area. */
export function suppressHours(cells: readonly HoursCell[]): PublishedHours[] {
  return cells.map((c) =>
    c.volunteers < MIN_PUBLISHED_COUNT
      ? { month: c.month, area: c.area, volunteers: null, hours: null }
      : {
          month: c.month,
          area: c.area,
          volunteers: c.volunteers,
          hours: Math.round((c.minutes / 60) * 10) / 10,
        },
  );
}

/** A count, or null when it is below the threshold. */
export function suppressCount(count: number): number | null {
  return count < MIN_PUBLISHED_COUNT ? null : count;
}

/** CSV (RFC 4180) of rows, fields quoted when needed, null as an empty field. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const field = (v: string | number | null) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}
