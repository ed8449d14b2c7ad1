import { SUPPRESSED_FEWER_THAN_FIVE } from "../../../contracts/feedback-figures.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataset } from "../../../contracts/opendata.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { OpenDataSource } from "../../platform/module.ts";
import { parseRequestQuery } from "./domain/open311-query.ts";
import { MIN_REQUESTS } from "./domain/response-figures.ts";
import { getWallTime, HELSINKI_OFFICE_HOURS } from "./domain/working-hours.ts";
import { FIGURES_FIELDS, lastMonths } from "./feedback.figures.ts";
import { PREFIX, SPEC_URL } from "./feedback.open311.ts";
import { type FeedbackDb, selectLastPublicChanges } from "./feedback.repository.ts";

// Feedback's open data: the response-time figures, the published service requests over Open311 and the
// categories one can report in. Reporters' names, contacts and unpublished text never reach these files:
// the Open311 lists show only moderated text, or the reporter's own when they consented to publishing it.

const FIGURE_MONTHS = 12;

const OPEN311: LocalizedText = {
  fi: "Open311 GeoReport v2",
  sv: "Open311 GeoReport v2",
  en: "Open311 GeoReport v2",
};

const KEYWORDS: LocalizedText[] = [
  { fi: "palaute", sv: "respons", en: "feedback" },
  { fi: "palvelupyynnöt", sv: "serviceförfrågningar", en: "service requests" },
  { fi: "Open311", sv: "Open311", en: "Open311" },
  { fi: "Heinola", sv: "Heinola", en: "Heinola" },
];

/** The Helsinki calendar date (YYYY-MM-DD) of an instant. */
function helsinkiDay(at: Date): string {
  const wall = getWallTime(at, HELSINKI_OFFICE_HOURS.timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** The figures, the Open311 requests of the last 90 days and the list of categories. */
export function feedbackOpenData(db: FeedbackDb, now: () => Date): OpenDataSource {
  return {
    module: "feedback",
    datasets: async () => {
      const at = now();
      const changes = await selectLastPublicChanges(db);
      const figureMonths = lastMonths(at, FIGURE_MONTHS).months;
      // The window requests.{fmt} answers without a date range (the same parser the endpoint uses).
      const window = parseRequestQuery({}, at);
      const datasets: OpenDataset[] = [
        {
          id: "feedback.figures",
          module: "feedback",
          title: {
            fi: "Palautteisiin vastaaminen: lupausten pitäminen",
            sv: "Svar på responsen: hur löftena hålls",
            en: "Answering feedback: promises kept",
          },
          description: {
            fi: "Kuinka suuri osa palautteista sai ensimmäisen vastauksen ja ratkaisun luvatussa ajassa, sekä vastaus- ja ratkaisuajan mediaanit työtunteina, aiheittain ja kuukausittain viimeisiltä 12 kuukaudelta.",
            sv: "Hur stor andel av ärendena som fick ett första svar och en lösning inom den utlovade tiden, samt mediantiderna för svar och lösning i arbetstimmar, per ämne och månad under de senaste 12 månaderna.",
            en: "How many requests got a first response and a resolution within the promised time, and the median response and resolution times in working hours, by category and month over the last 12 months.",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          // Computed on every request: the 12 months move with the clock, and an unanswered request counts
          // as late once its promise has passed.
          frequency: "CONT",
          temporal: { start: `${figureMonths[0]}-01`, end: helsinkiDay(at) },
          modified: null,
          suppression: {
            fi: `Rivin luvut jätetään pois (suppressed = ${SUPPRESSED_FEWER_THAN_FIVE}, tyhjät solut), kun palautteita on alle ${MIN_REQUESTS}.`,
            sv: `Radens tal utelämnas (suppressed = ${SUPPRESSED_FEWER_THAN_FIVE}, tomma celler) när ärendena är färre än ${MIN_REQUESTS}.`,
            en: `A row's figures are left out (suppressed = ${SUPPRESSED_FEWER_THAN_FIVE}, empty cells) when it has fewer than ${MIN_REQUESTS} requests.`,
          },
          landingPage: WEB_ROUTES.feedbackFigures,
          distributions: [
            { format: "JSON", mediaType: "application/json", path: "/api/v1/feedback/figures" },
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/feedback/figures.csv",
              fields: [...FIGURES_FIELDS],
            },
          ],
        },
        {
          id: "feedback.requests",
          module: "feedback",
          title: {
            fi: "Julkaistut palautteet (Open311)",
            sv: "Publicerade ärenden (Open311)",
            en: "Published service requests (Open311)",
          },
          description: {
            fi: "Julkaistut palautteet ja palvelupyynnöt viimeisiltä 90 päivältä (enintään 1000 uusinta) Open311 GeoReport v2 -muodossa: aihe, tila, sijainti, julkaistu teksti ja kaupungin vastaus. Ilmoittajan tietoja ei ole mukana. Rajapinnalla voi hakea myös muita ajanjaksoja ja aiheita.",
            sv: "Publicerade ärenden och serviceförfrågningar från de senaste 90 dagarna (högst de 1000 nyaste) i formatet Open311 GeoReport v2: ämne, status, plats, publicerad text och stadens svar. Uppgifter om den som anmält ingår inte. Gränssnittet kan också söka andra perioder och ämnen.",
            en: "Published feedback and service requests of the last 90 days (at most the 1000 newest) in the Open311 GeoReport v2 format: category, status, location, published text and the city's answer. Nothing about the reporter is included. The API can also be asked for other periods and categories.",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          frequency: "CONT",
          ...(window.ok
            ? { temporal: { start: helsinkiDay(new Date(window.query.from)), end: helsinkiDay(at) } }
            : {}),
          modified: changes.requests,
          landingPage: WEB_ROUTES.feedback,
          distributions: [
            {
              format: "JSON",
              mediaType: "application/json",
              path: `${PREFIX}/requests.json`,
              title: OPEN311,
              conformsTo: SPEC_URL,
            },
            {
              format: "XML",
              mediaType: "text/xml",
              path: `${PREFIX}/requests.xml`,
              title: OPEN311,
              conformsTo: SPEC_URL,
            },
          ],
        },
        {
          id: "feedback.services",
          module: "feedback",
          title: {
            fi: "Palautteen aiheet (Open311-palvelut)",
            sv: "Ämnen för respons (Open311-tjänster)",
            en: "Feedback categories (Open311 services)",
          },
          description: {
            fi: "Aiheet, joista kaupungille voi jättää palautetta tai palvelupyynnön: koodi, nimi, ryhmä, avainsanat, käsittelevä yksikkö, lisäkysymykset sekä lupaus ensimmäisestä vastauksesta ja ratkaisusta työtunteina. Myös Open311 GeoReport v2 -muodossa.",
            sv: "De ämnen som man kan ge staden respons eller en serviceförfrågan om: kod, namn, grupp, nyckelord, den enhet som handlägger, tilläggsfrågor samt löftet om första svar och lösning i arbetstimmar. Även i formatet Open311 GeoReport v2.",
            en: "The categories one can send the city feedback or a service request in: code, name, group, keywords, the handling unit, extra questions and the promised first response and resolution in working hours. Also in the Open311 GeoReport v2 format.",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          frequency: "IRREG",
          modified: changes.services,
          landingPage: WEB_ROUTES.feedbackReport,
          distributions: [
            {
              format: "JSON",
              mediaType: "application/json",
              path: "/api/v1/feedback/services",
              title: {
                fi: "Kaikilla kielillä, vastauslupauksineen ja lisäkysymyksineen",
                sv: "På alla språk, med svarslöften och tilläggsfrågor",
                en: "In every language, with the response promises and extra questions",
              },
            },
            {
              format: "JSON",
              mediaType: "application/json",
              path: `${PREFIX}/services.json`,
              title: OPEN311,
              conformsTo: SPEC_URL,
            },
            {
              format: "XML",
              mediaType: "text/xml",
              path: `${PREFIX}/services.xml`,
              title: OPEN311,
              conformsTo: SPEC_URL,
            },
          ],
        },
      ];
      return datasets;
    },
  };
}
