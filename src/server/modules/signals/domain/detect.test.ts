import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DatedText, detectTopics, logLikelihoodRise } from "./detect.ts";
import { REDACTED, redactContacts, STOP_WORDS, termsOf, tokenize } from "./text.ts";

const NOW = new Date("2026-11-29T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let serial = 0;
function text(days: number, words: string, channel = "service_request"): DatedText {
  serial += 1;
  return { id: `t${serial}`, channel, at: daysAgo(days), text: words };
}

// Background chatter: a few texts a week about many different things, spread over nine weeks.
const BACKGROUND = [
  "Puiston penkki on huonossa kunnossa",
  "Kirjaston aukioloajat voisivat olla pidemmät",
  "Uimahallin sauna oli kylmä",
  "Bussipysäkin katos puuttuu",
  "Koirapuistoon lisää roska-astioita",
  "Torilla on liikaa autoja",
];
const background = (): DatedText[] =>
  Array.from({ length: 60 }, (_, i) => text(1 + i, BACKGROUND[i % BACKGROUND.length] as string));

describe("text normalisation", () => {
  it("lower-cases, drops numbers, punctuation, addresses and stop words, and truncates to a stem", () => {
    expect(
      tokenize("Katuvalo 12 on RIKKI! Soita 040-123 4567 tai matti@example.fi").map((t) => t.stem),
    ).toEqual(["katuva", "rikki", "soita"]);
    expect(termsOf("Katuvalon lamppu").terms).toEqual(new Set(["katuva", "lamppu", "katuva lamppu"]));
    expect(tokenize("Gatlampan är trasig och the light is broken").map((t) => t.word)).toEqual([
      "gatlampan",
      "trasig",
      "light",
      "broken",
    ]);
  });
});

describe("contact details in examples", () => {
  it("replaces e-mail addresses and phone numbers, keeping house numbers and years", () => {
    expect(
      redactContacts("Soita 040-123 4567 tai +358401234567, matti.m@example.fi. Kauppakatu 12, 2026"),
    ).toBe(`Soita ${REDACTED} tai ${REDACTED}, ${REDACTED} Kauppakatu 12, 2026`);
  });
});

describe("log-likelihood", () => {
  it("is zero for an equal rate or a fall and grows with the rise", () => {
    expect(logLikelihoodRise(2, 7, 16, 56)).toBe(0);
    expect(logLikelihoodRise(1, 7, 40, 56)).toBe(0);
    expect(logLikelihoodRise(12, 7, 16, 56)).toBeGreaterThan(logLikelihoodRise(6, 7, 16, 56));
  });
});

describe("emerging topics", () => {
  it("surfaces a burst of reports about a broken street light, grouping its words into one topic", () => {
    const burst = [
      "Katuvalo ei pala Kauppakadulla",
      "Katuvalo rikki koulun kohdalla",
      "Kadun katuvalo on pimeänä",
      "Katuvalot pimeänä Rautatienkadulla",
      "Katuvalo ei toimi, todella pimeää",
      "Katuvalo vilkkuu ja sammuu",
    ].map((words, i) => text(i * 0.5, words));
    const topics = detectTopics([...background(), ...burst], { now: NOW });
    expect(topics).toHaveLength(1);
    const [topic] = topics;
    expect(topic?.label).toBe("katuvalo");
    expect(topic?.countNow).toBe(6);
    expect(topic?.countBaseline).toBe(0);
    expect(topic?.channels).toEqual({ service_request: 6 });
    expect(topic?.weekly).toHaveLength(9);
    expect(topic?.weekly.at(-1)?.count).toBe(6);
    expect(topic?.textIds).toEqual([...burst].map((t) => t.id));
  });

  it("does not surface a steady topic, however frequent", () => {
    const steady = Array.from({ length: 63 }, (_, i) => text(i, "Lumityöt myöhässä taas"));
    expect(detectTopics([...background(), ...steady], { now: NOW })).toEqual([]);
  });

  it("needs five texts: four are not a signal, and one resident repeating a word counts once", () => {
    const four = Array.from({ length: 4 }, (_, i) => text(i, "Skeittiparkki skeittiparkki skeittiparkki"));
    expect(detectTopics([...background(), ...four], { now: NOW })).toEqual([]);
  });

  it("never surfaces a stop word, whatever the texts", () => {
    const stopWords = [...STOP_WORDS];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            days: fc.double({ min: 0, max: 62, noNaN: true }),
            words: fc.array(fc.constantFrom(...stopWords, "katuvalo", "puisto", "12", "!"), { maxLength: 8 }),
          }),
          { maxLength: 80 },
        ),
        (drafts) => {
          const texts = drafts.map((d, i) => ({
            id: `p${i}`,
            channel: "survey_answer",
            at: daysAgo(d.days),
            text: d.words.join(" "),
          }));
          for (const topic of detectTopics(texts, { now: NOW })) {
            for (const term of topic.terms) {
              for (const part of term.label.split(" ")) expect(STOP_WORDS.has(part)).toBe(false);
              expect(term.countNow).toBeGreaterThanOrEqual(5);
            }
          }
        },
      ),
    );
  });

  it("never reports a topic with fewer than five texts in the window, and counts only the window's texts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.double({ min: -3, max: 80, noNaN: true }), a: fc.boolean() }), {
          maxLength: 120,
        }),
        (drafts) => {
          const texts = drafts.map((d, i) => ({
            id: `q${i}`,
            channel: "budget_proposal",
            at: daysAgo(d.days),
            text: d.a ? "Uusi leikkipaikka" : "Lisää penkkejä",
          }));
          for (const topic of detectTopics(texts, { now: NOW })) {
            expect(topic.countNow).toBeGreaterThanOrEqual(5);
            const windowStart = daysAgo(7).getTime();
            const inWindow = texts.filter((t) => t.at.getTime() >= windowStart && t.at <= NOW).length;
            expect(topic.countNow).toBeLessThanOrEqual(inWindow);
          }
        },
      ),
    );
  });
});
