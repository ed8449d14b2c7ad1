import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { Answers, Question, QuestionnaireInput } from "../../../contracts/survey.ts";
import { inTransaction, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { AppError } from "../../platform/errors.ts";
import type { SeedReport } from "../../platform/module.ts";
import * as repo from "./survey.repository.ts";
import { hashCode, SurveyService } from "./survey.service.ts";
import type { SurveyTables } from "./survey.tables.ts";

type Db = Kysely<SurveyTables>;

/** The key of the annual Heinola resident survey; its questions keep their keys across years. */
export const TEMPLATE_KEY = "heinola-asukaskysely";

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });
const opt = (value: string, fi: string, sv: string, en: string) => ({ value, label: t(fi, sv, en) });

export const AGE_GROUPS = ["15-29", "30-44", "45-64", "65-74", "75+"] as const;
export const AREAS = ["Keskusta", "Jyränkö", "Tommola", "Vierumäki", "Kirkonkylä-Lusi"] as const;

const SECTION = {
  background: t("Taustatiedot", "Bakgrundsuppgifter", "Background"),
  overall: t("Heinola asuinpaikkana", "Heinola som boningsort", "Heinola as a place to live"),
  services: t("Tyytyväisyys palveluihin", "Nöjdhet med tjänsterna", "Satisfaction with services"),
  trust: t("Osallistuminen ja luottamus", "Delaktighet och förtroende", "Participation and trust"),
  wellbeing: t("Hyvinvointi", "Välbefinnande", "Wellbeing"),
  open: t("Omat ajatuksesi", "Dina egna tankar", "Your own thoughts"),
};

const service = (key: string, fi: string, sv: string, en: string): Question => ({
  key,
  type: "likert5",
  section: SECTION.services,
  text: t(
    `Kuinka tyytyväinen olet palveluun: ${fi}?`,
    `Hur nöjd är du med tjänsten: ${sv}?`,
    `How satisfied are you with: ${en}?`,
  ),
  help: t(
    "1 = erittäin tyytymätön … 5 = erittäin tyytyväinen. Valitse ”en osaa sanoa / en ole käyttänyt”, jos et ole käyttänyt palvelua.",
    "1 = mycket missnöjd … 5 = mycket nöjd. Välj ”vet inte / har inte använt” om du inte har använt tjänsten.",
    "1 = very dissatisfied … 5 = very satisfied. Choose “don't know / haven't used” if you have not used the service.",
  ),
  required: false,
  allowDontKnow: true,
  satisfiedValues: ["4", "5"],
});

const agree = (key: string, fi: string, sv: string, en: string): Question => ({
  key,
  type: "likert5",
  section: SECTION.trust,
  text: t(fi, sv, en),
  help: t(
    "1 = täysin eri mieltä … 5 = täysin samaa mieltä",
    "1 = helt av annan åsikt … 5 = helt av samma åsikt",
    "1 = strongly disagree … 5 = strongly agree",
  ),
  required: false,
  allowDontKnow: true,
  satisfiedValues: ["4", "5"],
});

/**
 * The annual resident survey, after the KAPA and ARTTU item lists (shared/finland.md §7): background,
 * the overall school grade 4–10, recommendation 0–10, services on a 1–5 scale with "haven't used",
 * participation and trust, wellbeing, and the open question "Mitä minä voisin tehdä Heinolan hyväksi?".
 */
export const HEINOLA_TEMPLATE: QuestionnaireInput = {
  key: TEMPLATE_KEY,
  title: t("Heinolan asukaskysely", "Invånarenkät i Heinola", "Heinola resident survey"),
  intro: t(
    "Kysely kestää noin 10 minuuttia. Vastaukset käsitellään luottamuksellisesti, ja tulokset julkaistaan vain ryhminä, joissa on vähintään viisi vastaajaa.",
    "Enkäten tar cirka 10 minuter. Svaren behandlas konfidentiellt och resultaten publiceras bara för grupper med minst fem svarande.",
    "The survey takes about 10 minutes. Answers are treated confidentially, and results are published only for groups of at least five respondents.",
  ),
  overallQuestion: "overall_grade",
  questions: [
    {
      key: "age_group",
      type: "single",
      section: SECTION.background,
      text: t("Ikäryhmäsi", "Din åldersgrupp", "Your age group"),
      required: false,
      weighting: "age_group",
      options: AGE_GROUPS.map((a) => opt(a, a, a, a)),
    },
    {
      key: "sex",
      type: "single",
      section: SECTION.background,
      text: t("Sukupuolesi", "Ditt kön", "Your gender"),
      required: false,
      weighting: "sex",
      options: [
        opt("female", "nainen", "kvinna", "woman"),
        opt("male", "mies", "man", "man"),
        opt("other", "muu", "annat", "other"),
        opt("no_answer", "en halua sanoa", "vill inte säga", "prefer not to say"),
      ],
    },
    {
      key: "area",
      type: "single",
      section: SECTION.background,
      text: t("Asuinalueesi", "Ditt bostadsområde", "Your area"),
      required: false,
      weighting: "area",
      options: AREAS.map((a) => opt(a, a, a, a)),
    },
    {
      key: "overall_grade",
      type: "grade4to10",
      section: SECTION.overall,
      text: t(
        "Millaisen kouluarvosanan antaisit Heinolalle asuinpaikkana?",
        "Vilket skolvitsord skulle du ge Heinola som boningsort?",
        "What school grade would you give Heinola as a place to live?",
      ),
      help: t("4 = hylätty … 10 = erinomainen", "4 = underkänt … 10 = utmärkt", "4 = fail … 10 = excellent"),
      required: true,
      satisfiedValues: ["8", "9", "10"],
    },
    {
      key: "recommend",
      type: "scale0to10",
      section: SECTION.overall,
      text: t(
        "Kuinka todennäköisesti suosittelisit Heinolaa asuinpaikaksi?",
        "Hur sannolikt är det att du skulle rekommendera Heinola som boningsort?",
        "How likely would you be to recommend Heinola as a place to live?",
      ),
      help: t(
        "0 = en lainkaan … 10 = erittäin todennäköisesti",
        "0 = inte alls … 10 = mycket sannolikt",
        "0 = not at all … 10 = very likely",
      ),
      required: false,
    },
    {
      key: "moving",
      type: "single",
      section: SECTION.overall,
      text: t(
        "Aiotko muuttaa pois Heinolasta seuraavan kahden vuoden aikana?",
        "Tänker du flytta från Heinola under de kommande två åren?",
        "Do you plan to move away from Heinola within the next two years?",
      ),
      required: false,
      options: [
        opt("yes", "kyllä", "ja", "yes"),
        opt("maybe", "ehkä", "kanske", "maybe"),
        opt("no", "ei", "nej", "no"),
      ],
      allowDontKnow: true,
    },
    service("library", "kirjastopalvelut", "bibliotekstjänster", "library services"),
    service("culture", "kulttuuripalvelut", "kulturtjänster", "culture services"),
    service(
      "sports",
      "liikuntapaikat ja ulkoilureitit",
      "idrottsplatser och friluftsleder",
      "sports facilities and trails",
    ),
    service(
      "streets",
      "katujen hoito ja talvikunnossapito",
      "gatuskötsel och vinterunderhåll",
      "street and winter maintenance",
    ),
    service("transport", "julkinen liikenne", "kollektivtrafik", "public transport"),
    service(
      "information",
      "tiedottaminen kaupungin palveluista ja päätöksistä",
      "information om stadens tjänster och beslut",
      "information about the city's services and decisions",
    ),
    agree(
      "can_influence",
      "Minulla on mahdollisuus vaikuttaa Heinolan kaupungin asioihin.",
      "Jag har möjlighet att påverka Heinola stads angelägenheter.",
      "I can influence the affairs of the city of Heinola.",
    ),
    agree(
      "city_listens",
      "Kaupunki kuuntelee asukkaiden mielipiteitä ennen päätöksiä.",
      "Staden lyssnar på invånarnas åsikter före besluten.",
      "The city listens to residents' opinions before deciding.",
    ),
    agree(
      "trust_council",
      "Luotan kaupungin päättäjiin (valtuusto).",
      "Jag litar på stadens beslutsfattare (fullmäktige).",
      "I trust the city's decision-makers (the council).",
    ),
    {
      key: "participated",
      type: "multi",
      section: SECTION.trust,
      text: t(
        "Mihin olet osallistunut viimeisen 12 kuukauden aikana?",
        "Vad har du deltagit i under de senaste 12 månaderna?",
        "What have you taken part in during the last 12 months?",
      ),
      help: t("Voit valita useita.", "Du kan välja flera.", "You can choose several."),
      required: false,
      options: [
        opt("budgeting", "osallistuva budjetointi", "deltagande budgetering", "participatory budgeting"),
        opt("initiative", "kuntalaisaloite", "invånarinitiativ", "municipal initiative"),
        opt("event", "asukastilaisuus", "invånarmöte", "residents' event"),
        opt("feedback", "palautteen antaminen", "respons", "giving feedback"),
        opt("volunteering", "vapaaehtoistyö", "frivilligarbete", "volunteering"),
      ],
    },
    {
      key: "health",
      type: "single",
      section: SECTION.wellbeing,
      text: t(
        "Millaiseksi arvioit terveydentilasi?",
        "Hur bedömer du ditt hälsotillstånd?",
        "How would you rate your health?",
      ),
      required: false,
      options: [
        opt("very_good", "erittäin hyvä", "mycket gott", "very good"),
        opt("good", "melko hyvä", "ganska gott", "fairly good"),
        opt("average", "keskitasoinen", "medelmåttigt", "average"),
        opt("poor", "melko huono", "ganska dåligt", "fairly poor"),
        opt("very_poor", "erittäin huono", "mycket dåligt", "very poor"),
      ],
    },
    {
      key: "lonely",
      type: "single",
      section: SECTION.wellbeing,
      text: t(
        "Kuinka usein tunnet itsesi yksinäiseksi?",
        "Hur ofta känner du dig ensam?",
        "How often do you feel lonely?",
      ),
      required: false,
      options: [
        opt("never", "ei koskaan", "aldrig", "never"),
        opt("rarely", "harvoin", "sällan", "rarely"),
        opt("sometimes", "joskus", "ibland", "sometimes"),
        opt("often", "usein", "ofta", "often"),
        opt("always", "jatkuvasti", "hela tiden", "all the time"),
      ],
    },
    {
      key: "active_days",
      type: "number",
      section: SECTION.wellbeing,
      text: t(
        "Monena päivänä viikossa liikut vähintään 30 minuuttia reippaasti?",
        "Hur många dagar i veckan rör du dig raskt i minst 30 minuter?",
        "On how many days a week are you briskly active for at least 30 minutes?",
      ),
      required: false,
      min: 0,
      max: 7,
    },
    {
      key: "safe_evening",
      type: "likert5",
      section: SECTION.wellbeing,
      text: t(
        "Kuinka turvalliseksi koet asuinalueesi iltaisin?",
        "Hur trygg känner du dig i ditt bostadsområde på kvällarna?",
        "How safe does your area feel in the evenings?",
      ),
      help: t(
        "1 = erittäin turvaton … 5 = erittäin turvallinen",
        "1 = mycket otrygg … 5 = mycket trygg",
        "1 = very unsafe … 5 = very safe",
      ),
      required: false,
      allowDontKnow: true,
      satisfiedValues: ["4", "5"],
    },
    {
      key: "best_thing",
      type: "text",
      section: SECTION.open,
      text: t("Mikä Heinolassa on parasta?", "Vad är det bästa med Heinola?", "What is best about Heinola?"),
      required: false,
    },
    {
      key: "what_i_could_do",
      type: "text",
      section: SECTION.open,
      text: t(
        "Mitä minä voisin tehdä Heinolan hyväksi?",
        "Vad kunde jag göra för Heinola?",
        "What could I do for Heinola?",
      ),
      required: false,
    },
  ],
};

// ---- labelled example data (keskio seed --demo) ----

/** A small deterministic generator (mulberry32), so the example data is the same on every seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = next() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i] as number;
    if (r <= 0) return values[i] as T;
  }
  return values[values.length - 1] as T;
}

const IDEAS = [
  ["Voisin siivota lähipuistoa naapurien kanssa.", "ympäristö"],
  ["Osallistun kirjaston lukupiiriin ja kutsun muitakin.", "kulttuuri"],
  ["Voisin auttaa iäkästä naapuria kauppa-asioissa.", "naapuriapu"],
  ["Käytän paikallisia palveluja ja yrityksiä.", "elinvoima"],
  ["Voisin valmentaa lasten jalkapallojoukkuetta.", "liikunta"],
  ["Kerron Heinolasta hyvää tutuilleni.", "maine"],
] as const;

/** Example populations 15+ per year (made up, labelled as example data; not Statistics Finland figures). */
function exampleMargins(year: number): { variable: string; category: string; population: number }[] {
  const drift = (year - 2025) * 20;
  return [
    ...AGE_GROUPS.map((category, i) => ({
      variable: "age_group",
      category,
      population: [2300, 2500, 4700, 3200, 2800][i] as number,
    })),
    { variable: "sex", category: "female", population: 8000 },
    { variable: "sex", category: "male", population: 7500 },
    ...AREAS.map((category, i) => ({
      variable: "area",
      category,
      population: ([5200, 3100, 2900, 1800, 2500][i] as number) + (i === 0 ? drift : i === 1 ? -drift : 0),
    })),
  ];
}

function exampleAnswers(next: () => number, ageIndex: number, year: number): Answers {
  const mood = next() + (ageIndex >= 3 ? 0.15 : 0) + (year % 2 === 0 ? 0.05 : 0);
  const grade = Math.max(4, Math.min(10, Math.round(6 + mood * 3.4 + (next() - 0.5))));
  const likert = () =>
    next() < 0.12
      ? "dk"
      : String(Math.max(1, Math.min(5, Math.round(1.5 + mood * 3 + (next() - 0.5) * 1.5))));
  const answers: Answers = {
    overall_grade: String(grade),
    recommend: String(Math.max(0, Math.min(10, Math.round(3 + mood * 6 + (next() - 0.5) * 3)))),
    moving: pick(next, ["yes", "maybe", "no", "dk"], [1, 2, 8, 1]),
    library: likert(),
    culture: likert(),
    sports: likert(),
    streets: likert(),
    transport: likert(),
    information: likert(),
    can_influence: likert(),
    city_listens: likert(),
    trust_council: likert(),
    participated: ["budgeting", "initiative", "event", "feedback", "volunteering"].filter(() => next() < 0.2),
    health: pick(next, ["very_good", "good", "average", "poor", "very_poor"], [2, 4, 3, 1, 0.3]),
    lonely: pick(next, ["never", "rarely", "sometimes", "often", "always"], [3, 4, 3, 1, 0.4]),
    active_days: String(Math.floor(next() * 8)),
    safe_evening: likert(),
  };
  if (next() < 0.4)
    answers.what_i_could_do = (IDEAS[Math.floor(next() * IDEAS.length)] as (typeof IDEAS)[number])[0];
  return answers;
}

/**
 * Loads the resident-survey template (idempotent) and, with `demo`, two rounds of labelled example data
 * (esimerkkiaineisto / example data): last year's closed round and this year's round in fieldwork, with example
 * margins, a call list with quotas, web, phone and paper answers, and theme codes of open answers.
 */
export async function seedSurvey(db: Db, options: { demo: boolean; now: Date }): Promise<SeedReport> {
  const report: SeedReport = { module: "survey", created: 0, updated: 0, unchanged: 0 };
  const service = new SurveyService(db, () => options.now);
  let template = await repo.findQuestionnaireVersion(db, TEMPLATE_KEY, 1);
  if (template) report.unchanged += 1;
  else {
    try {
      await service.createQuestionnaire(HEINOLA_TEMPLATE, "fi", { version: 1 });
      report.created += 1;
    } catch (error) {
      // Another seed run saved it a moment ago.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      report.unchanged += 1;
    }
    template = await repo.findQuestionnaireVersion(db, TEMPLATE_KEY, 1);
  }
  if (!options.demo || !template) return report;
  const year = options.now.getUTCFullYear();
  for (const roundYear of [year - 1, year]) {
    const slug = `esimerkki-${roundYear}`;
    if (await repo.findRoundBySlug(db, slug)) {
      report.unchanged += 1;
      continue;
    }
    // One transaction per round: a seed run at the same time (two processes) leaves one whole round, and the
    // other finds the slug taken and counts it as unchanged.
    const templateId = template.id;
    try {
      report.created += await inTransaction(db, (trx) =>
        seedExampleRound(
          trx,
          new SurveyService(trx, () => options.now),
          templateId,
          roundYear,
          roundYear === year,
          options.now,
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      report.unchanged += 1;
    }
  }
  return report;
}

async function seedExampleRound(
  db: Db,
  service: SurveyService,
  questionnaireId: string,
  year: number,
  current: boolean,
  now: Date,
): Promise<number> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const round = await service.createRound(
    {
      slug: `esimerkki-${year}`,
      questionnaireId,
      year,
      title: t(
        `Asukaskysely ${year} (esimerkkiaineisto)`,
        `Invånarenkät ${year} (exempeldata)`,
        `Resident survey ${year} (example data)`,
      ),
      fieldworkStart: current ? day(-30) : `${year}-09-01`,
      fieldworkEnd: current ? day(60) : `${year}-10-31`,
      openWeb: current,
    },
    { isExample: true },
  );
  const at = now.toISOString();
  const margins = exampleMargins(year);
  await repo.replaceMargins(
    db,
    year,
    margins.map((m, position) => ({
      ...m,
      year,
      position,
      source: "esimerkkiaineisto / example data",
      importedAt: at,
    })),
  );
  const next = random(year * 7919);
  const rows = [];
  const modes = ["web", "phone", "paper"] as const;
  const n = current ? 240 : 320;
  const themed: { id: string; theme: string }[] = [];
  for (let i = 0; i < n; i++) {
    const ageIndex = Math.min(4, Math.floor(next() * next() * 6 + next() * 2.5));
    const answers = exampleAnswers(next, ageIndex, year);
    const id = newId(now.getTime() - (n - i) * 1000);
    const idea = IDEAS.find(([text]) => text === answers.what_i_could_do);
    if (idea) themed.push({ id, theme: idea[1] });
    rows.push({
      id,
      roundId: round.id,
      memberId: null,
      personId: null,
      externalId: null,
      mode: pick(next, modes, [4, 3, 2]),
      status: "complete",
      ageGroup: AGE_GROUPS[ageIndex] as string,
      sex: next() < 0.56 ? "female" : "male",
      area: pick(next, AREAS, [5, 3, 3, 2, 2]),
      answers: writeJson(answers),
      recordedBy: null,
      startedAt: at,
      updatedAt: at,
      completedAt: at,
    });
  }
  await repo.insertResponses(db, rows);
  for (const { id, theme } of themed) {
    await repo.replaceThemes(db, id, "what_i_could_do", [theme], "seed", at);
  }
  if (current) {
    // A call list of example people (no real names or numbers: 040 000 0xxx is not in use).
    const members = Array.from({ length: 24 }, (_, i) => ({
      id: newId(),
      roundId: round.id,
      codeHash: hashCode(`ESIMERKKI${String(i).padStart(2, "0")}`),
      label: `Esimerkki ${String(i + 1).padStart(2, "0")}`,
      phone: `040 000 0${String(100 + i)}`,
      ageGroup: AGE_GROUPS[i % AGE_GROUPS.length] as string,
      sex: i % 2 === 0 ? "female" : "male",
      area: AREAS[i % AREAS.length] as string,
      callStatus: "pending",
      callBackAt: null,
      attempts: 0,
      updatedAt: at,
    }));
    await repo.insertMembers(db, members);
    await repo.replaceQuotas(
      db,
      round.id,
      AGE_GROUPS.flatMap((ageGroup) =>
        AREAS.map((area) => ({ roundId: round.id, ageGroup, area, target: 12 })),
      ),
    );
  }
  return 1;
}
