import { rolesOnly } from "../../platform/policy.ts";
import type { Principal } from "../../platform/principal.ts";

/** City staff run rounds, review proposals, enter paper ballots and publish results. */
export const budgetingStaff = rolesOnly("staff", "admin");

/** How a comment's author is shown: never by name, only as the city or a resident (data minimisation). */
export function commentAuthorLabel(principal: Principal): "city" | "resident" {
  return principal.roles.some((r) => r.role === "staff" || r.role === "admin") ? "city" : "resident";
}
