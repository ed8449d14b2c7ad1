import type { Kysely } from "kysely";
import type { ProblemField } from "../../../contracts/errors.ts";
import type {
  ManagedService,
  ServiceAttributeInput,
  ServiceChange,
  ServiceCreateBody,
  ServiceUpdateBody,
} from "../../../contracts/feedback-services.ts";
import type { Locale, LocalizedText } from "../../../contracts/localized-text.ts";
import { inTransaction, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { listAudit, recordAudit } from "../../platform/audit.ts";
import { AppError, type LocalizedDetail } from "../../platform/errors.ts";
import type { Principal } from "../../platform/principal.ts";
import {
  checkDefinition,
  checkServiceCode,
  DEFINITION_PROBLEM_TEXT,
  type DefinitionIssue,
  tidyText,
} from "./domain/service-definition.ts";
import { isUniqueViolation, type StoredService, selectServices } from "./feedback.repository.ts";
import { mayHandle, type StaffDirectory, toServiceInfo } from "./feedback.service.ts";
import {
  type AttributeValues,
  countRequestsPerService,
  deleteService,
  hasRequests,
  insertService,
  nextServicePosition,
  type ServiceValues,
  selectServiceByCode,
  updateService,
  updateServiceActive,
} from "./feedback.services.repository.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

// Staff define the services residents report in (issue 6 §2) and route each to a unit, whose handlers'
// queue receives its requests. Requests keep their service, unit and answers as they were when sent: a
// question removed later leaves the stored answers untouched (the handling page shows them by code), and a
// service taken out of use keeps its name on its old requests; only a service without requests is deleted.

const T = {
  unknown: {
    fi: "Palvelua ei löydy.",
    sv: "Tjänsten hittades inte.",
    en: "The service was not found.",
  },
  invalid: {
    fi: "Palvelun tiedoissa on korjattavaa.",
    sv: "Tjänstens uppgifter behöver rättas.",
    en: "Some of the service's details need fixing.",
  },
  codeTaken: {
    fi: "Tällä tunnuksella on jo palvelu.",
    sv: "Det finns redan en tjänst med denna kod.",
    en: "A service with this code already exists.",
  },
  otherUnit: {
    fi: "Voit muokata vain oman yksikkösi palveluita.",
    sv: "Du kan bara redigera din egen enhets tjänster.",
    en: "You can only edit the services of your own unit.",
  },
  raced: {
    fi: "Joku muutti palvelua samaan aikaan. Lataa tiedot uudelleen.",
    sv: "Någon ändrade tjänsten samtidigt. Ladda om uppgifterna.",
    en: "Someone changed the service at the same time. Reload it.",
  },
  inUse: {
    fi: "Palvelulla on palvelupyyntöjä, joten sitä ei voi poistaa. Poista se käytöstä.",
    sv: "Tjänsten har ärenden och kan inte raderas. Ta den ur bruk i stället.",
    en: "The service has requests and cannot be deleted. Take it out of use instead.",
  },
} satisfies Record<string, LocalizedDetail>;

/** Who acts and in which language they read error messages. */
export interface Actor {
  principal: Principal;
  locale: Locale;
}

/** Staff's use cases on services: list, create, edit, take out of and back into use, delete unused. */
export class ServiceCatalogue {
  readonly #db: Kysely<FeedbackTables>;
  readonly #now: () => Date;
  readonly #staff: StaffDirectory;
  readonly #changed: () => void;

  /** `changed` runs after every committed change (the desk forgets its cached services: Open311 sees it at once). */
  constructor(db: Kysely<FeedbackTables>, now: () => Date, staff: StaffDirectory, changed: () => void) {
    this.#db = db;
    this.#now = now;
    this.#staff = staff;
    this.#changed = changed;
  }

  /** Every service, in use or not, in display order, with request counts. */
  async list(): Promise<ManagedService[]> {
    const [stored, counts] = await Promise.all([
      selectServices(this.#db, true),
      countRequestsPerService(this.#db),
    ]);
    return stored.map((s) => toManaged(s, counts.get(s.service.id) ?? 0, []));
  }

  /** One service with its change history (who and when). */
  async get(code: string): Promise<ManagedService> {
    const stored = await this.#find(code);
    const [counts, audit] = await Promise.all([
      countRequestsPerService(this.#db),
      listAudit(this.#db, { targetId: stored.service.id, limit: 50 }),
    ]);
    const names = await this.#staff.namesOf(audit.flatMap((a) => (a.actorId === null ? [] : [a.actorId])));
    const changes: ServiceChange[] = audit.map((a) => ({
      at: a.at,
      action: a.action.replace(/^feedback\.service\./, ""),
      actorName: a.actorId === null ? null : (names.get(a.actorId) ?? null),
    }));
    return toManaged(stored, counts.get(stored.service.id) ?? 0, changes);
  }

  /** A new service, listed last; its code is stable from now on. */
  async create(actor: Actor, body: ServiceCreateBody): Promise<ManagedService> {
    const code = body.code.trim();
    this.#check(actor, [...checkServiceCode(code), ...checkDefinition(body)]);
    if (!mayHandle(actor.principal, body.unit)) throw new AppError("forbidden", T.otherUnit);
    const now = this.#now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    try {
      await inTransaction(this.#db, async (trx) => {
        const position = await nextServicePosition(trx);
        await insertService(
          trx,
          { id, code, ...serviceValues(body, at), position, isExample: 0, createdAt: at },
          attributeValues(body.attributes),
        );
        await recordAudit(trx, audit(actor, "create", id, code, body), now);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("conflict", T.codeTaken, [field("/body/code", T.codeTaken, actor.locale)]);
      throw error;
    }
    this.#changed();
    return this.get(code);
  }

  /** Changes everything but the code; refused when someone else changed it since `expectedUpdatedAt`. */
  async update(actor: Actor, code: string, body: ServiceUpdateBody): Promise<ManagedService> {
    const stored = await this.#find(code);
    this.#check(actor, checkDefinition(body));
    if (!mayHandle(actor.principal, stored.service.unit) || !mayHandle(actor.principal, body.unit))
      throw new AppError("forbidden", T.otherUnit);
    if (body.expectedUpdatedAt !== undefined && body.expectedUpdatedAt !== stored.service.updatedAt)
      throw new AppError("conflict", T.raced);
    const now = this.#now();
    const at = now.toISOString();
    const values: ServiceValues = {
      code,
      ...serviceValues(body, at),
      isActive: stored.service.isActive,
      updatedAt: nextVersion(now, stored.service.updatedAt),
    };
    const changed = await inTransaction(this.#db, async (trx) => {
      const done = await updateService(
        trx,
        stored.service.id,
        stored.service.updatedAt,
        values,
        attributeValues(body.attributes),
      );
      if (done) await recordAudit(trx, audit(actor, "update", stored.service.id, code, body), now);
      return done;
    });
    if (!changed) throw new AppError("conflict", T.raced);
    this.#changed();
    return this.get(code);
  }

  /** Takes a service out of use (gone from Open311 and the form; old requests keep it) or back into use. */
  async setActive(actor: Actor, code: string, isActive: boolean): Promise<ManagedService> {
    const stored = await this.#find(code);
    if (!mayHandle(actor.principal, stored.service.unit)) throw new AppError("forbidden", T.otherUnit);
    if ((stored.service.isActive === 1) !== isActive) {
      const now = this.#now();
      await inTransaction(this.#db, async (trx) => {
        await updateServiceActive(
          trx,
          stored.service.id,
          isActive,
          nextVersion(now, stored.service.updatedAt),
        );
        await recordAudit(
          trx,
          {
            actorId: actor.principal.personId,
            action: `feedback.service.${isActive ? "reactivate" : "deactivate"}`,
            targetType: "feedback_service",
            targetId: stored.service.id,
            outcome: "success",
            details: { code },
          },
          now,
        );
      });
      this.#changed();
    }
    return this.get(code);
  }

  /** Deletes a service that has never had a request (a mistake); one with requests is only deactivated. */
  async remove(actor: Actor, code: string): Promise<void> {
    const stored = await this.#find(code);
    if (!mayHandle(actor.principal, stored.service.unit)) throw new AppError("forbidden", T.otherUnit);
    const now = this.#now();
    await inTransaction(this.#db, async (trx) => {
      if (await hasRequests(trx, stored.service.id)) throw new AppError("conflict", T.inUse);
      await deleteService(trx, stored.service.id);
      await recordAudit(
        trx,
        {
          actorId: actor.principal.personId,
          action: "feedback.service.delete",
          targetType: "feedback_service",
          targetId: stored.service.id,
          outcome: "success",
          details: { code },
        },
        now,
      );
    });
    this.#changed();
  }

  async #find(code: string): Promise<StoredService> {
    const stored = code.length <= 64 ? await selectServiceByCode(this.#db, code) : undefined;
    if (!stored) throw new AppError("not_found", T.unknown);
    return stored;
  }

  #check(actor: Actor, issues: DefinitionIssue[]): void {
    if (issues.length === 0) return;
    throw new AppError(
      "validation_failed",
      T.invalid,
      issues.map((i) => field(i.path, DEFINITION_PROBLEM_TEXT[i.problem], actor.locale)),
    );
  }
}

// updated_at is the service's version: never the same twice, even when two changes share a millisecond.
function nextVersion(now: Date, previous: string): string {
  const at = now.toISOString();
  return at > previous ? at : new Date(Date.parse(previous) + 1).toISOString();
}

function serviceValues(body: ServiceUpdateBody | ServiceCreateBody, at: string) {
  return {
    name: writeJson(tidyText(body.name)),
    description: body.description === null ? null : writeJson(tidyText(body.description)),
    groupName: body.group === null ? null : writeJson(tidyText(body.group)),
    keywords: body.keywords.map((k) => k.trim()).join(","),
    type: body.type,
    unit: body.unit,
    firstResponseHours: body.firstResponseHours,
    resolutionHours: body.resolutionHours,
    isActive: 1,
    updatedAt: at,
  };
}

function attributeValues(attributes: readonly ServiceAttributeInput[]): AttributeValues[] {
  return attributes.map((a, index) => ({
    code: a.code,
    position: index + 1,
    datatype: a.datatype,
    isRequired: a.required ? 1 : 0,
    isVariable: a.variable ? 1 : 0,
    description: writeJson(tidyText(a.description)),
    datatypeDescription: null,
    values: writeJson(a.values.map((v) => ({ key: v.key, name: tidyText(v.name) }))),
  }));
}

function audit(actor: Actor, action: "create" | "update", id: string, code: string, body: ServiceUpdateBody) {
  return {
    actorId: actor.principal.personId,
    action: `feedback.service.${action}`,
    targetType: "feedback_service",
    targetId: id,
    outcome: "success" as const,
    details: { code, unit: body.unit, questions: body.attributes.length },
  };
}

function toManaged(stored: StoredService, requestCount: number, changes: ServiceChange[]): ManagedService {
  const { id: _id, ...service } = toServiceInfo(stored);
  return {
    ...service,
    isActive: stored.service.isActive === 1,
    requestCount,
    createdAt: stored.service.createdAt,
    updatedAt: stored.service.updatedAt,
    changes,
  };
}

function field(path: string, text: LocalizedText, locale: Locale): ProblemField {
  return { path, message: text[locale] ?? text.fi };
}
