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

/**
 * Adds the hours of people without a volunteer record to the registered volunteers' cells of the same month and
 * area. Such people cannot be told apart, so each recorded entry's people count as that many more volunteers.
 */
export function addGroupCells(registered: readonly HoursCell[], group: readonly HoursCell[]): HoursCell[] {
  const cells = new Map<string, HoursCell>();
  for (const c of [...registered, ...group]) {
    const key = `${c.month}|${c.area}`;
    const cell = cells.get(key) ?? { month: c.month, area: c.area, volunteers: 0, minutes: 0 };
    cells.set(key, {
      ...cell,
      volunteers: cell.volunteers + c.volunteers,
      minutes: cell.minutes + c.minutes,
    });
  }
  return [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.area.localeCompare(b.area));
}

/** Suppresses small cells of confirmed hours by month and area. */
export function suppressHours(cells: readonly HoursCell[]): PublishedHours[] {
  return cells.map(suppressCell);
}

/** Any cell of volunteers and minutes, grouped by whatever fields it carries (area, theme …). */
type Cell = { volunteers: number; minutes: number };
/** The same cell as published: the group fields kept, the counts suppressed below the threshold. */
export type PublishedCell<T extends Cell> = Omit<T, "volunteers" | "minutes"> & {
  volunteers: number | null;
  hours: number | null;
};

/** Suppresses one cell: under five volunteers, both the count and the hours (which would reveal it) go. */
export function suppressCell<T extends Cell>(cell: T): PublishedCell<T> {
  const { volunteers, minutes, ...group } = cell;
  return volunteers < MIN_PUBLISHED_COUNT
    ? { ...group, volunteers: null, hours: null }
    : { ...group, volunteers, hours: Math.round((minutes / 60) * 10) / 10 };
}

/**
 * One confirmed hours entry with the themes of its task, as the theme aggregate needs it: a registered
 * volunteer's (counted once per cell however many entries), or a group without records (`people` more each time).
 */
export type ThemedHours = {
  month: string;
  minutes: number;
  themes: readonly string[];
} & ({ volunteerId: string } | { volunteerId: null; people: number });

/** One aggregate row by month and theme before suppression. */
export interface ThemeCell {
  month: string;
  theme: string;
  volunteers: number;
  minutes: number;
}

/**
 * Confirmed hours by month and theme. A task can have several themes; its hours count in each of them, so the
 * theme rows of a month add up to more than the month's total (the data dictionary says so).
 */
export function hoursByMonthAndTheme(entries: readonly ThemedHours[]): ThemeCell[] {
  type Acc = { month: string; theme: string; people: Set<string>; anonymous: number; minutes: number };
  const cells = new Map<string, Acc>();
  for (const e of entries) {
    for (const theme of new Set(e.themes)) {
      const key = `${e.month}|${theme}`;
      const cell = cells.get(key) ?? { month: e.month, theme, people: new Set(), anonymous: 0, minutes: 0 };
      if (e.volunteerId === null) cell.anonymous += e.people;
      else cell.people.add(e.volunteerId);
      cell.minutes += e.minutes;
      cells.set(key, cell);
    }
  }
  return [...cells.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.theme.localeCompare(b.theme))
    .map((c) => ({
      month: c.month,
      theme: c.theme,
      volunteers: c.people.size + c.anonymous,
      minutes: c.minutes,
    }));
}

/** Published opportunities and shifts of a month and area, as published (counts under five are null). */
export interface PublishedOpportunities {
  month: string;
  area: string;
  opportunities: number | null;
  shifts: number | null;
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
