import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataset } from "../../../contracts/opendata.ts";
import { budgetingPath } from "../../../contracts/web-routes.ts";
import type { OpenDataSource } from "../../platform/module.ts";
import { type BudgetingService, helsinkiDate } from "./budgeting.service.ts";

// Participatory budgeting's open data: a round's results and its anonymous ballots, one dataset per round
// once its results are published (before that both answer 409). A ballot is identified only by the random
// receipt code its voter was given, so that anyone can recount the results and a voter can find their own.

/** The Pabulib file format (pabulib.org), which every .pb file follows. */
const PABULIB_FORMAT = "https://pabulib.org/format";

const KEYWORDS: LocalizedText[] = [
  { fi: "osallistuva budjetointi", sv: "deltagande budgetering", en: "participatory budgeting" },
  { fi: "äänestys", sv: "omröstning", en: "vote" },
  { fi: "Pabulib", sv: "Pabulib", en: "Pabulib" },
  { fi: "Heinola", sv: "Heinola", en: "Heinola" },
];

const SUPPRESSION: LocalizedText = {
  fi: "Ei piilotettuja lukuja: jokainen ääni julkaistaan, jotta tuloksen voi laskea uudelleen. Äänestyslippu ei kerro äänestäjästä mitään; sen tunnisteena on vain satunnainen kuittikoodi, jonka äänestäjä sai.",
  sv: "Inga dolda tal: varje röst publiceras så att resultatet kan räknas om. En röstsedel säger ingenting om väljaren; den identifieras bara av den slumpmässiga kvittokod som väljaren fick.",
  en: "Nothing is suppressed: every ballot is published so that the result can be recounted. A ballot says nothing about its voter; it is identified only by the random receipt code the voter was given.",
};

/** A text with a fixed suffix in each language (missing translations fall back to Finnish first). */
function withSuffix(text: LocalizedText, suffix: Required<LocalizedText>): LocalizedText {
  return {
    fi: `${text.fi}${suffix.fi}`,
    sv: `${text.sv ?? text.fi}${suffix.sv}`,
    en: `${text.en ?? text.fi}${suffix.en}`,
  };
}

/** One dataset per round with published results: the results as JSON and each area's ballots as Pabulib. */
export function budgetingOpenData(service: BudgetingService): OpenDataSource {
  return {
    module: "budgeting",
    datasets: async () => {
      const rounds = (await service.listRounds()).filter((r) => r.resultsPublishedAt !== null);
      return rounds.map(
        (round): OpenDataset => ({
          id: `budgeting.round-${round.id}`,
          module: "budgeting",
          title: withSuffix(round.title, { fi: ": tulokset", sv: ": resultat", en: ": results" }),
          description: {
            fi: "Osallistuvan budjetoinnin kierroksen tulokset alueittain: jokaisen hankkeen kustannus, äänet (tai pisteet), valinta ja sen peruste, sekä alueen äänestysliput Pabulib-muodossa, joista tuloksen voi laskea uudelleen (esim. keskio pb count).",
            sv: "Resultaten av en omgång av deltagande budgetering per område: varje projekts kostnad, röster (eller poäng), om det valdes och varför, samt områdets röstsedlar i Pabulib-format, från vilka resultatet kan räknas om (t.ex. keskio pb count).",
            en: "The results of a participatory budgeting round by area: each project's cost, votes (or points), whether it was chosen and why, and the area's ballots in the Pabulib format, from which anyone can recount the result (e.g. keskio pb count).",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          // Published results are final: publishing twice is refused.
          frequency: "NEVER",
          temporal: { start: helsinkiDate(round.votingStart), end: helsinkiDate(round.votingEnd) },
          modified: round.resultsPublishedAt,
          suppression: SUPPRESSION,
          landingPage: budgetingPath("budgetingResults", round.id),
          distributions: [
            {
              format: "JSON",
              mediaType: "application/json",
              path: `/api/v1/budgeting/rounds/${round.id}/results`,
              title: { fi: "Tulokset", sv: "Resultat", en: "Results" },
            },
            ...round.areas.map((area) => ({
              format: "PB" as const,
              mediaType: "text/plain",
              path: `/api/v1/budgeting/rounds/${round.id}/areas/${area.id}/ballots.pb`,
              title: withSuffix(area.name, {
                fi: ": äänestysliput (Pabulib)",
                sv: ": röstsedlar (Pabulib)",
                en: ": ballots (Pabulib)",
              }),
              conformsTo: PABULIB_FORMAT,
            })),
          ],
        }),
      );
    },
  };
}
