import { Value } from "typebox/value";
import { OPEN_DATA_LICENSE, type OpenDataCatalogue, OpenDataset } from "../../../contracts/opendata.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { OpenDataSource } from "../../platform/module.ts";

/** How long one module may take to describe its datasets before the catalogue answers without it. */
export const SOURCE_TIMEOUT_MS = 5000;

const CATALOGUE_TEXT = {
  title: { fi: "Keskiön avoin data", sv: "Keskiös öppna data", en: "Keskiö open data" },
  description: {
    fi: "Heinolan kaupungin Keskiö-palvelun avoimet tiedot: strategian seuranta, kansalaisbudjetointi, kuntalaiskysely, palaute ja vapaaehtoistoiminta. Ei henkilötietoja; alle viiden lukumäärät on piilotettu.",
    sv: "Öppna data från Heinola stads tjänst Keskiö: strategiuppföljning, medborgarbudgetering, invånarenkät, respons och frivilligverksamhet. Inga personuppgifter; antal under fem visas inte.",
    en: "Open data from the City of Heinola's Keskiö service: strategy follow-up, participatory budgeting, the resident survey, feedback and volunteering. No personal data; counts under five are suppressed.",
  },
  publisher: { fi: "Heinolan kaupunki", sv: "Heinola stad", en: "City of Heinola" },
} as const;

const UNAVAILABLE = {
  fi: "Tämän aineiston kuvausta ei juuri nyt saatu. Yritä hetken kuluttua uudelleen.",
  sv: "Beskrivningen av datamängden kunde inte hämtas just nu. Försök igen om en stund.",
  en: "The description of this dataset could not be read just now. Please try again in a moment.",
};

const CATALOGUE_INCOMPLETE = {
  fi: "Kaikkien aineistojen kuvauksia ei juuri nyt saatu, joten luetteloa ei anneta vajaana. Yritä hetken kuluttua uudelleen.",
  sv: "Beskrivningarna av alla datamängder kunde inte hämtas just nu, så katalogen ges inte ofullständig. Försök igen om en stund.",
  en: "Not every dataset's description could be read just now, so the catalogue is not given incomplete. Please try again in a moment.",
};

const DATASET_NOT_FOUND = {
  fi: "Tunnuksella ei löydy avointa aineistoa.",
  sv: "Det finns ingen öppen datamängd med den beteckningen.",
  en: "There is no open dataset with that identifier.",
};

/** Why a source's answer was left out, for the log (never its data or an error's text). */
class InvalidSource extends Error {
  override name = "InvalidSource";
}

const collator = new Intl.Collator("fi");

/** What the service reads from and where it reports a failing source. */
export interface OpenDataServiceDeps {
  sources: readonly OpenDataSource[];
  /** Logs a line about a failing source: the module and the kind of failure only. */
  warn: (what: string) => void;
  timeoutMs?: number;
}

/**
 * The catalogue of every module's open datasets, read through their manifests' `openData` (DESIGN rule 2).
 * A source that fails, hangs or describes its datasets wrongly is left out and named, never a 5xx.
 */
export class OpenDataService {
  private readonly deps: OpenDataServiceDeps;

  constructor(deps: OpenDataServiceDeps) {
    this.deps = deps;
  }

  /** The whole catalogue: modules in the installation's order, each module's datasets by Finnish title. */
  async catalogue(): Promise<OpenDataCatalogue> {
    const results = await Promise.all(this.deps.sources.map((source) => this.read(source)));
    const datasets = results.flatMap((r) => r.datasets ?? []);
    const unavailableModules = results.flatMap((r) => (r.datasets ? [] : [r.module]));
    return {
      title: { ...CATALOGUE_TEXT.title },
      description: { ...CATALOGUE_TEXT.description },
      publisher: { ...CATALOGUE_TEXT.publisher },
      license: { ...OPEN_DATA_LICENSE },
      datasets,
      ...(unavailableModules.length > 0 ? { unavailableModules } : {}),
    };
  }

  /**
   * The catalogue only when every source answered: a harvester treats a dataset missing from the catalogue
   * as withdrawn, so a partial DCAT-AP file would delete datasets from national portals.
   */
  async completeCatalogue(): Promise<OpenDataCatalogue> {
    const catalogue = await this.catalogue();
    if (catalogue.unavailableModules) throw new AppError("unavailable", CATALOGUE_INCOMPLETE);
    return catalogue;
  }

  /** One dataset by its id; 404 when no module has it, 503 when its module could not be read. */
  async dataset(id: string): Promise<OpenDataset> {
    const module = id.split(".")[0];
    const sources = this.deps.sources.filter((s) => s.module === module);
    for (const source of sources) {
      const result = await this.read(source);
      if (!result.datasets) throw new AppError("unavailable", UNAVAILABLE);
      const found = result.datasets.find((d) => d.id === id);
      if (found) return found;
    }
    throw notFound(DATASET_NOT_FOUND);
  }

  private async read(source: OpenDataSource): Promise<{ module: string; datasets: OpenDataset[] | null }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new InvalidSource("timed out")),
          this.deps.timeoutMs ?? SOURCE_TIMEOUT_MS,
        );
      });
      const datasets = await Promise.race([source.datasets(), timeout]);
      checkDatasets(source.module, datasets);
      return {
        module: source.module,
        datasets: [...datasets].sort((a, b) => collator.compare(a.title.fi, b.title.fi)),
      };
    } catch (error) {
      const kind = error instanceof InvalidSource ? error.message : "threw an error";
      this.deps.warn(`open data: the ${source.module} module's datasets were left out (${kind})`);
      return { module: source.module, datasets: null };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A source's answer must be the contract's datasets, its own, each id once. */
function checkDatasets(module: string, datasets: unknown): asserts datasets is OpenDataset[] {
  if (!Array.isArray(datasets)) throw new InvalidSource("not a list");
  const ids = new Set<string>();
  for (const dataset of datasets) {
    if (!Value.Check(OpenDataset, dataset)) throw new InvalidSource("a dataset does not match the contract");
    if (dataset.module !== module || !dataset.id.startsWith(`${module}.`)) {
      throw new InvalidSource(`dataset ${dataset.id} is not the module's own`);
    }
    if (ids.has(dataset.id)) throw new InvalidSource(`dataset ${dataset.id} is listed twice`);
    ids.add(dataset.id);
  }
}
