import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataField, OpenDataset } from "../../../contracts/opendata.ts";
import type { ResultRow, SurveyResults } from "../../../contracts/survey.ts";
import { surveyResultsPath } from "../../../contracts/web-routes.ts";
import { AppError } from "../../platform/errors.ts";
import type { OpenDataSource } from "../../platform/module.ts";
import { MIN_PUBLISHED_COUNT } from "./domain/estimation.ts";
import { formatCsv } from "./survey.csv.ts";
import type { SurveyService } from "./survey.service.ts";

// The resident survey's open data: a closed round's weighted results as JSON and CSV (CC BY 4.0). The CSV is
// written from one list of columns, so that its header and the catalogue's data dictionary cannot disagree.

/** A results.csv column: its data dictionary entry and how a result row fills it. */
interface Column {
  field: OpenDataField;
  value: (row: ResultRow, results: SurveyResults) => string;
}

const num = (v: number | null) => (v === null ? "" : String(v));

function column(
  name: string,
  type: OpenDataField["type"],
  description: Required<LocalizedText>,
  value: Column["value"],
): Column {
  return { field: { name, type, description }, value };
}

const RESULT_COLUMNS: readonly Column[] = [
  column(
    "year",
    "integer",
    { fi: "Kyselykierroksen vuosi", sv: "Enkätomgångens år", en: "Year of the survey round" },
    (_r, results) => String(results.round.year),
  ),
  column(
    "question",
    "string",
    {
      fi: "Kysymyksen tunniste (kysymykset ovat JSON-tiedoston questionnaire-osassa)",
      sv: "Frågans identifierare (frågorna finns i JSON-filens del questionnaire)",
      en: "Question key (the questions are in the questionnaire part of the JSON file)",
    },
    (r) => r.question,
  ),
  column(
    "kind",
    "string",
    {
      fi: "Luvun laji: mean (keskiarvo), share (tyytyväisten osuus), distribution (vastausvaihtoehdon osuus) tai nps (suositteluindeksi)",
      sv: "Typ av tal: mean (medelvärde), share (andelen nöjda), distribution (andelen för ett svarsalternativ) eller nps (rekommendationsindex)",
      en: "Kind of figure: mean, share (of satisfied answers), distribution (share of one answer option) or nps (net promoter score)",
    },
    (r) => r.kind,
  ),
  column(
    "category",
    "string",
    {
      fi: "Vastausvaihtoehto, jonka osuudesta on kyse (tyhjä keskiarvoille)",
      sv: "Svarsalternativet som andelen gäller (tomt för medelvärden)",
      en: "The answer option the share is of (empty for means)",
    },
    (r) => r.category ?? "",
  ),
  column(
    "domain_variable",
    "string",
    {
      fi: "Osajoukon muuttuja: area (alue), age_group (ikäryhmä) tai sex (sukupuoli); tyhjä kaikille vastaajille",
      sv: "Delgruppens variabel: area (område), age_group (åldersgrupp) eller sex (kön); tomt för alla svarande",
      en: "The breakdown variable: area, age_group or sex; empty for all respondents",
    },
    (r) => r.domainVariable ?? "",
  ),
  column(
    "domain",
    "string",
    {
      fi: "Osajoukko, esim. alueen nimi tai ikäryhmä; tyhjä kaikille vastaajille",
      sv: "Delgruppen, t.ex. ett områdes namn eller en åldersgrupp; tomt för alla svarande",
      en: "The group, e.g. a district or an age group; empty for all respondents",
    },
    (r) => r.domain ?? "",
  ),
  column(
    "estimate",
    "number",
    {
      fi: "Painotettu estimaatti; osuudet ovat välillä 0–1 (tyhjä, kun luku on piilotettu)",
      sv: "Viktad skattning; andelar ligger mellan 0 och 1 (tomt när talet är dolt)",
      en: "Weighted estimate; shares are between 0 and 1 (empty when suppressed)",
    },
    (r) => num(r.estimate),
  ),
  column(
    "se",
    "number",
    {
      fi: "Estimaatin keskivirhe linearisoinnilla",
      sv: "Skattningens medelfel, beräknat med linearisering",
      en: "Standard error of the estimate, by linearisation",
    },
    (r) => num(r.se),
  ),
  column(
    "ci_low",
    "number",
    {
      fi: "95 %:n luottamusvälin alaraja",
      sv: "Nedre gränsen för 95 % konfidensintervall",
      en: "Lower end of the 95 % confidence interval",
    },
    (r) => num(r.ciLow),
  ),
  column(
    "ci_high",
    "number",
    {
      fi: "95 %:n luottamusvälin yläraja",
      sv: "Övre gränsen för 95 % konfidensintervall",
      en: "Upper end of the 95 % confidence interval",
    },
    (r) => num(r.ciHigh),
  ),
  column(
    "n_used",
    "integer",
    {
      fi: "Luvun laskemiseen käytettyjen vastaajien määrä (tyhjä, kun luku on piilotettu)",
      sv: "Antal svarande som talet bygger på (tomt när talet är dolt)",
      en: "Number of respondents the figure is based on (empty when suppressed)",
    },
    (r) => num(r.nUsed),
  ),
  column(
    "suppressed",
    "boolean",
    {
      fi: "true, kun vastaajia oli alle viisi ja luvut on jätetty pois",
      sv: "true när färre än fem svarade och talen har utelämnats",
      en: "true when fewer than five answered and the figures are left out",
    },
    (r) => (r.suppressed ? "true" : "false"),
  ),
  column(
    "previous_year",
    "integer",
    {
      fi: "Vertailuvuosi (edellinen saman kyselyn kierros); tyhjä, kun vertailua ei julkaista",
      sv: "Jämförelseåret (föregående omgång av samma enkät); tomt när ingen jämförelse publiceras",
      en: "The year compared with (the previous round of the same survey); empty when no comparison is published",
    },
    (r) => (r.previous ? String(r.previous.year) : ""),
  ),
  column(
    "previous_estimate",
    "number",
    {
      fi: "Vertailuvuoden estimaatti",
      sv: "Jämförelseårets skattning",
      en: "The estimate of the year compared with",
    },
    (r) => (r.previous ? String(r.previous.estimate) : ""),
  ),
  column(
    "difference",
    "number",
    {
      fi: "Muutos vertailuvuodesta (tämä vuosi miinus vertailuvuosi)",
      sv: "Förändring sedan jämförelseåret (i år minus jämförelseåret)",
      en: "Change since the year compared with (this year minus that year)",
    },
    (r) => (r.previous ? String(r.previous.difference) : ""),
  ),
  column(
    "p_value",
    "number",
    {
      fi: "Muutoksen z-testin p-arvo",
      sv: "p-värdet för förändringens z-test",
      en: "p-value of the z-test of the change",
    },
    (r) => (r.previous ? String(r.previous.pValue) : ""),
  ),
];

/** results.csv: one row per figure of the round's results; suppressed cells are empty. */
export function resultsCsv(results: SurveyResults): string {
  return formatCsv(
    RESULT_COLUMNS.map((c) => c.field.name),
    results.rows.map((row) => RESULT_COLUMNS.map((c) => c.value(row, results))),
  );
}

const KEYWORDS: LocalizedText[] = [
  { fi: "asukaskysely", sv: "invånarenkät", en: "resident survey" },
  { fi: "tyytyväisyys", sv: "nöjdhet", en: "satisfaction" },
  { fi: "kuntalaiset", sv: "kommuninvånare", en: "residents" },
  { fi: "Heinola", sv: "Heinola", en: "Heinola" },
];

const SUPPRESSION: LocalizedText = {
  fi: `Luku jätetään pois (suppressed = true, tyhjät solut), kun sen takana on alle ${MIN_PUBLISHED_COUNT} vastaajaa; samoin avovastausten teemojen määrät. Vertailu edelliseen vuoteen julkaistaan vain, kun molempien vuosien luvut julkaistaan.`,
  sv: `Ett tal utelämnas (suppressed = true, tomma celler) när färre än ${MIN_PUBLISHED_COUNT} svarande ligger bakom det; likaså antalen för teman i öppna svar. En jämförelse med föregående år publiceras bara när båda årens tal publiceras.`,
  en: `A figure is left out (suppressed = true, empty cells) when fewer than ${MIN_PUBLISHED_COUNT} respondents are behind it; so are the counts of themes in open answers. A comparison with the previous year is published only when both years' figures are.`,
};

/**
 * One dataset per closed round whose results can be computed: a round in fieldwork still changes with every
 * answer, and a round without margins or answers has no results to publish (its results answer 409).
 */
export function surveyOpenData(survey: SurveyService): OpenDataSource {
  return {
    module: "survey",
    datasets: async () => {
      const datasets: OpenDataset[] = [];
      for (const round of await survey.listRounds()) {
        if (round.status !== "closed") continue;
        try {
          await survey.results(round.slug);
        } catch (error) {
          if (error instanceof AppError) continue;
          throw error;
        }
        const path = `/api/v1/survey/rounds/${encodeURIComponent(round.slug)}`;
        datasets.push({
          id: `survey.round-${round.slug}`,
          module: "survey",
          title: round.title,
          description: {
            fi: "Asukaskyselyn painotetut tulokset 95 %:n luottamusväleineen: jokainen kysymys kaikilta vastaajilta sekä alueittain, ikäryhmittäin ja sukupuolittain, muutos edellisestä kierroksesta ja avovastausten teemojen määrät. Vastaajat on painotettu väestön rakenteeseen (ikäryhmä, sukupuoli, alue).",
            sv: "Invånarenkätens viktade resultat med 95 % konfidensintervall: varje fråga för alla svarande samt per område, åldersgrupp och kön, förändringen sedan föregående omgång och antalen för teman i öppna svar. De svarande har viktats till befolkningens struktur (åldersgrupp, kön, område).",
            en: "The resident survey's weighted results with 95 % confidence intervals: every question for all respondents and by district, age group and sex, the change since the previous round, and the counts of themes in open answers. Respondents are weighted to the population (age group, sex, district).",
          },
          keywords: KEYWORDS,
          theme: "SOCI",
          // A closed round takes no more answers.
          frequency: "NEVER",
          temporal: { start: round.fieldworkStart, end: round.fieldworkEnd },
          modified: null,
          suppression: SUPPRESSION,
          landingPage: surveyResultsPath(round.slug),
          distributions: [
            { format: "JSON", mediaType: "application/json", path: `${path}/results` },
            {
              format: "CSV",
              mediaType: "text/csv",
              path: `${path}/results.csv`,
              fields: RESULT_COLUMNS.map((c) => c.field),
            },
          ],
        });
      }
      return datasets;
    },
  };
}
