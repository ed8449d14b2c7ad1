import { rolesOnly } from "../../platform/policy.ts";
import type { Principal } from "../../platform/principal.ts";

/** City staff run rounds, review proposals, enter paper ballots and publish results. */
export const budgetingStaff = rolesOnly("staff", "admin");

/** How a comment's author is shown: never by name, only as the city or a resident (data minimisation). */
export function commentAuthorLabel(principal: Principal): "city" | "resident" {
  return viewerOf(principal).isStaff ? "city" : "resident";
}

/** Who looks at proposals: the photos of a rejected proposal are shown only to staff and its proposer. */
export interface ProposalViewer {
  personId: string | null;
  isStaff: boolean;
}

/** Anyone without an account. */
export const PUBLIC_VIEWER: ProposalViewer = { personId: null, isStaff: false };

/** The viewer a request's principal is. */
export function viewerOf(principal: Principal | null): ProposalViewer {
  if (!principal) return PUBLIC_VIEWER;
  return {
    personId: principal.personId,
    isStaff: principal.roles.some((r) => r.role === "staff" || r.role === "admin"),
  };
}

/**
 * Whether a viewer may see a proposal's photos. A rejected proposal keeps its text and the city's public
 * reasons, but its photos are withdrawn from the public: a rejection is often about what a photo shows
 * (people, a private yard), and the text alone is enough for the record.
 */
export function mayViewImages(
  proposal: { status: string; authorId: string | null },
  viewer: ProposalViewer,
): boolean {
  if (proposal.status !== "rejected" || viewer.isStaff) return true;
  return viewer.personId !== null && viewer.personId === proposal.authorId;
}
