// Writer of the Pabulib `.pb` format (pabulib.org/format): META, PROJECTS and VOTES as `;`-separated tables.
// Fields are quoted CSV-style when they contain `;`, a quote or a line break, which parsePabulib reads back.

/** What goes into a file: META in the given order, projects with their extra columns, and the ballots. */
export interface PbWriteInput {
  readonly meta: readonly (readonly [key: string, value: string])[];
  /** Column names after project_id and cost, e.g. ["votes", "name", "selected"]. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly {
    readonly id: string;
    readonly cost: number;
    readonly fields: readonly string[];
  }[];
  /** Ballots: voter id, project ids (in rank order for ordinal ballots), points for cumulative ballots. */
  readonly votes: readonly {
    readonly voterId: string;
    readonly projects: readonly string[];
    readonly points?: readonly number[];
  }[];
  readonly withPoints: boolean;
}

function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The `.pb` text of an election. */
export function writePabulib(input: PbWriteInput): string {
  const lines: string[] = ["META", "key;value"];
  for (const [key, value] of input.meta) lines.push(`${field(key)};${field(value)}`);
  lines.push("PROJECTS", ["project_id", "cost", ...input.projectColumns].map(field).join(";"));
  for (const p of input.projects) lines.push([p.id, String(p.cost), ...p.fields].map(field).join(";"));
  lines.push("VOTES", input.withPoints ? "voter_id;vote;points" : "voter_id;vote");
  for (const v of input.votes) {
    const row = [v.voterId, v.projects.join(",")];
    if (input.withPoints) row.push((v.points ?? []).join(","));
    lines.push(row.map(field).join(";"));
  }
  return `${lines.join("\n")}\n`;
}
