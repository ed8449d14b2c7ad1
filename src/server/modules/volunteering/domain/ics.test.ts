import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar } from "./ics.ts";

describe("iCalendar", () => {
  it("escapes text and folds long lines at 75 octets without splitting characters", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const long = `SUMMARY:${"ä".repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n ").join("")).toBe(long);
  });

  it("renders an event in UTC with CRLF line ends", () => {
    const ics = renderCalendar(
      "Keskiö",
      [
        {
          uid: "shift-1@keskio",
          startsAt: new Date("2026-12-05T08:00:00Z"),
          endsAt: new Date("2026-12-05T09:30:00Z"),
          summary: "Lukukaverit, kirjasto",
          location: "Kauppakatu 12",
          description: "Tervetuloa",
        },
      ],
      new Date("2026-11-29T10:00:00Z"),
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("\r\nDTSTART:20261205T080000Z\r\nDTEND:20261205T093000Z\r\n");
    expect(ics).toContain("SUMMARY:Lukukaverit\\, kirjasto\r\n");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
