import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatUtc, renderFeed } from "./ics.ts";

describe("iCalendar", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `DESCRIPTION:${"ä".repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    for (const part of physical) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("writes UTC times with Z, CRLF line ends and one VEVENT per event", () => {
    const feed = renderFeed(
      "Kirjasto, kahvila",
      [
        {
          uid: "e1@keskio",
          startsAt: new Date("2027-03-29T07:00:00Z"),
          endsAt: new Date("2027-03-29T08:30:00Z"),
          summary: "Satutunti; lapsille",
          description: "Rivi 1\nRivi 2",
          location: "Kauppakatu 12, Heinola",
          url: "https://example.fi/ilmo",
          lastModified: new Date("2026-11-29T10:00:00Z"),
        },
      ],
      new Date("2026-11-29T10:00:00Z"),
    );
    expect(formatUtc(new Date("2027-03-29T07:00:00Z"))).toBe("20270329T070000Z");
    expect(feed).toContain("\r\nDTSTART:20270329T070000Z\r\n");
    expect(feed).toContain("SUMMARY:Satutunti\\; lapsille");
    expect(feed).toContain("X-WR-CALNAME:Kirjasto\\, kahvila");
    expect(feed).toContain("DESCRIPTION:Rivi 1\\nRivi 2");
    expect(feed.split("BEGIN:VEVENT")).toHaveLength(2);
    expect(feed.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(feed.replaceAll("\r\n", "")).not.toMatch(/\n/);
  });
});
