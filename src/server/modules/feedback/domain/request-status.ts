import type { RequestStatus } from "../../../../contracts/feedback.ts";

// The handling states follow the 6Aika request history (received → allocated → handling → done), with
// "closed" for requests ended without being done (duplicate, not the city's, cannot be acted on). A done or
// closed request can be reopened into handling; every other step may skip ahead but not jump back past
// "received" except to un-assign.

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ["allocated", "handling", "done", "closed"],
  allocated: ["received", "handling", "done", "closed"],
  handling: ["allocated", "done", "closed"],
  done: ["handling"],
  closed: ["handling"],
};

/** Whether a request may move from one status to another (staying put is not a change). */
export function canChangeStatus(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether the status ends handling (Open311 "closed"). */
export function isFinished(status: RequestStatus): boolean {
  return status === "done" || status === "closed";
}

/** The GeoReport v2 status of a handling status. */
export function open311Status(status: RequestStatus): "open" | "closed" {
  return isFinished(status) ? "closed" : "open";
}

/** The handling statuses an Open311 status filter stands for. */
export function statusesForOpen311(status: "open" | "closed"): RequestStatus[] {
  return status === "open" ? ["received", "allocated", "handling"] : ["done", "closed"];
}
