import type { TFunction } from "i18next";
import type { Organisation, RoleGrant } from "../../../contracts/identity.ts";

/** A role as people read it, with its scope: the organisation's name when known, else the unit id. */
export function describeGrant(grant: RoleGrant, t: TFunction, organisations: readonly Organisation[] = []) {
  const name = t(`roles.${grant.role}`);
  if (grant.scope === "") return name;
  const organisation = organisations.find((o) => o.id === grant.scope);
  return t("roles.withScope", { role: name, scope: organisation?.name ?? grant.scope });
}
