import type { LocalizedText } from "../../../contracts/localized-text.ts";
import { asModuleDb, type Database, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import type { SeedReport } from "../../platform/module.ts";
import * as repo from "./budgeting.repository.ts";
import type { BudgetingTables } from "./budgeting.tables.ts";

// `keskio seed --demo`: one example round in its voting phase, labelled as example data everywhere it shows.
// The proposals are invented; they are not Heinola's.

const DEMO_PROJECTS: readonly [
  area: number,
  title: string,
  description: string,
  cost: number,
  place: string,
][] = [
  [0, "Kuntoportaat Harjulle", "Ulkoportaat ja kuntoilupiste harjun rinteeseen.", 18000, "Harju"],
  [0, "Uimahallin lasten vesileikit", "Uusia leluja ja välineitä lasten allasosastolle.", 6000, "Uimahalli"],
  [
    0,
    "Kirjaston lautapeli-illat",
    "Lautapelejä ja ohjattuja peli-iltoja kaikenikäisille.",
    3000,
    "Pääkirjasto",
  ],
  [
    0,
    "Penkkejä rantareitille",
    "Kymmenen penkkiä levähdyspaikoiksi rantareitin varteen.",
    9000,
    "Rantareitti",
  ],
  [0, "Skeittiparkin valaistus", "Led-valaistus skeittiparkkiin iltakäyttöä varten.", 15000, "Urheilupuisto"],
  [1, "Kylätalon esteetön sisäänkäynti", "Luiska ja automaattiovi kylätalolle.", 12000, "Vierumäki"],
  [1, "Kyläpolun opasteet", "Opasteet ja kartta kylän ulkoilupolulle.", 4000, "Vierumäki"],
];

/** Loads the example round when asked for demo data (idempotent: an existing example round is kept). */
export async function seedBudgetingDemo(
  database: Database,
  options: { demo: boolean; now: Date },
): Promise<SeedReport> {
  const report: SeedReport = { module: "budgeting", created: 0, updated: 0, unchanged: 0 };
  if (!options.demo) return report;
  const db = asModuleDb<BudgetingTables>(database.db);
  if ((await repo.listRounds(db)).some((r) => r.isExample === 1)) return { ...report, unchanged: 1 };
  const now = options.now;
  const day = 86_400_000;
  const at = (offset: number) => new Date(now.getTime() + offset * day).toISOString();
  const id = newId(now.getTime());
  const title: LocalizedText = {
    fi: "Osallistuva budjetointi – esimerkkiaineisto / example data",
    sv: "Deltagande budgetering – exempeldata / example data",
    en: "Participatory budgeting – example data (esimerkkiaineisto)",
  };
  const description: LocalizedText = {
    fi: "Esimerkkikierros, jolla voi kokeilla äänestämistä. Hankkeet ovat keksittyjä, eivät Heinolan.",
    sv: "En exempelomgång för att pröva röstningen. Projekten är påhittade, inte Heinolas.",
    en: "An example round to try voting. The projects are invented, not Heinola's.",
  };
  const areas = [
    { fi: "Koko kaupunki", sv: "Hela staden", en: "Whole city", budget: 40000 },
    { fi: "Vierumäki", sv: "Vierumäki", en: "Vierumäki", budget: 15000 },
  ].map((a, position) => ({
    id: newId(now.getTime()),
    roundId: id,
    position,
    name: writeJson({ fi: a.fi, sv: a.sv, en: a.en }),
    budget: a.budget,
  }));
  await repo.insertRound(
    db,
    {
      id,
      title: writeJson(title),
      description: writeJson(description),
      phase: "voting",
      ideasStart: at(-60),
      reviewStart: at(-30),
      votingStart: at(-1),
      votingEnd: at(30),
      ballotType: "approval",
      maxChoices: 3,
      pointsTotal: null,
      minAge: 12,
      rule: "mes",
      isExample: 1,
      resultsPublishedAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
    areas,
  );
  for (const [area, projectTitle, text, cost, place] of DEMO_PROJECTS) {
    await repo.insertProposal(db, {
      id: newId(now.getTime()),
      roundId: id,
      areaId: (areas[area] as { id: string }).id,
      authorId: null,
      title: `${projectTitle} (esimerkki)`,
      description: text,
      language: "fi",
      locationText: place,
      latitude: null,
      longitude: null,
      costEstimate: cost,
      status: "feasible",
      mergedInto: null,
      reviewCost: cost,
      reviewReason: writeJson({
        fi: "Toteutettavissa (esimerkkiaineisto).",
        sv: "Genomförbart (exempeldata).",
        en: "Feasible (example data).",
      }),
      reviewedAt: now.toISOString(),
      strategyActionId: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }
  return { ...report, created: 1 };
}
