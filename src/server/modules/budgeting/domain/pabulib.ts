// Parser of the Pabulib `.pb` format (Faliszewski et al., "Participatory Budgeting: Data, Tools and Analysis",
// IJCAI 2023, arXiv:2305.11035; format description at pabulib.org/format). Three sections, META, PROJECTS and VOTES,
// each a `;`-separated table with a header line; fields follow CSV quoting (`"…"`, `""` for a quote).
// Pure: takes the text, returns typed data or throws PabulibParseError with the line number.
//
// Conventions shared with pabutools (the reference implementation), so that counts agree with it:
// fields are trimmed; a field reading `none` (any case) counts as absent; empty project ids inside a vote
// (`1,,2`) are ignored; `choose-1` ballots are approval ballots; costs and the budget accept a decimal comma.

import { parseRational, type Rational } from "./rational.ts";

/** Ballot formats of Pabulib. */
export type PbVoteType = "approval" | "choose-1" | "cumulative" | "ordinal" | "scoring";

const VOTE_TYPES: readonly PbVoteType[] = ["approval", "choose-1", "cumulative", "ordinal", "scoring"];

/** One project of the PROJECTS section. */
export interface PbProject {
  readonly id: string;
  readonly cost: Rational;
  /** The `selected` column when present (1 selected, 0 not, other values as documented in the file), else null. */
  readonly selected: number | null;
  /** Every column of the row, trimmed, absent ones (`none`) left out; includes project_id and cost. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * The VOTES section in compact form (≈100 000 voters must stay cheap): ballot `v` lists the project indices
 * `projects[offsets[v] .. offsets[v+1])`, in the order of the file (the ranking for ordinal ballots).
 */
export interface PbVotes {
  readonly count: number;
  readonly voterIds: readonly string[];
  readonly offsets: Int32Array;
  readonly projects: Int32Array;
  /**
   * For cumulative and scoring ballots, the points beside `projects`, as integers: the real value is
   * `points[k] / pointsScale` (a power of ten, 1 unless some point value has decimals). Null otherwise.
   */
  readonly points: Float64Array | null;
  readonly pointsScale: number;
  /** Other columns of the VOTES section (age, sex, …), one string per voter, "" when absent. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

/** A parsed `.pb` file. */
export interface PbElection {
  /** META as key → value, in file order. */
  readonly meta: Readonly<Record<string, string>>;
  readonly voteType: PbVoteType;
  readonly budget: Rational;
  /** Projects in file order; a project's index is its position here. */
  readonly projects: readonly PbProject[];
  readonly votes: PbVotes;
  /** Whether the PROJECTS section has a `selected` column. */
  readonly hasSelected: boolean;
  /** Inconsistencies that do not prevent counting (e.g. num_votes differing from the VOTES section). */
  readonly warnings: readonly string[];
}

/** Why a file was rejected. */
export type PabulibErrorCode =
  | "empty"
  | "section"
  | "header"
  | "quote"
  | "meta"
  | "project"
  | "vote"
  | "points";

/** A malformed `.pb` file: carries the 1-based line number where the problem was found. */
export class PabulibParseError extends Error {
  override readonly name = "PabulibParseError";
  readonly code: PabulibErrorCode;
  readonly line: number;
  constructor(code: PabulibErrorCode, line: number, detail: string) {
    super(line > 0 ? `line ${line}: ${detail}` : detail);
    this.code = code;
    this.line = line;
  }
}

type Section = "meta" | "projects" | "votes";

/** Splits a record that has no quotes fast; falls back to a CSV scan when it has. */
function splitRecord(line: string, lineNo: number): string[] {
  if (line.indexOf('"') < 0) return line.split(";");
  const out: string[] = [];
  let field = "";
  let i = 0;
  let inQuotes = false;
  let quotedField = false;
  while (i < line.length) {
    const ch = line[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== "" || quotedField) {
        throw new PabulibParseError("quote", lineNo, "a quote may only open a field");
      }
      field = "";
      inQuotes = true;
      quotedField = true;
      i++;
    } else if (ch === ";") {
      out.push(field);
      field = "";
      quotedField = false;
      i++;
    } else {
      if (quotedField && ch.trim() !== "") {
        throw new PabulibParseError("quote", lineNo, "text after the closing quote of a field");
      }
      field += ch;
      i++;
    }
  }
  if (inQuotes) throw new PabulibParseError("quote", lineNo, "unterminated quoted field");
  out.push(field);
  return out;
}

/** Counts quote characters to know whether a quoted field continues on the next line. */
function hasOpenQuote(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

function isAbsent(value: string): boolean {
  return value === "" || (value.length === 4 && value.toLowerCase() === "none");
}

const POINT = /^[+-]?(\d+)(?:\.(\d+))?$/;

/** Parses a `.pb` text. Throws PabulibParseError on malformed input. */
export function parsePabulib(text: string): PbElection {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const meta: Record<string, string> = {};
  const projects: PbProject[] = [];
  const projectIndex = new Map<string, number>();
  const warnings: string[] = [];
  const sectionsSeen = new Set<Section>();

  let section: Section | null = null;
  let header: string[] | null = null;
  let expectHeader = false;
  let hasSelected = false;
  let projectCol = { id: -1, cost: -1, selected: -1 };
  let voteCol = { id: -1, vote: -1, points: -1 };
  let voteExtra: { name: string; col: number; values: string[] }[] = [];
  let voteType: PbVoteType | null = null;
  let budget: Rational | null = null;

  const voterIds: string[] = [];
  let offsets: number[] = [0];
  let ballotProjects = new Int32Array(1024);
  let ballotPoints: Float64Array | null = null;
  let pointDecimals: Uint8Array | null = null;
  let maxDecimals = 0;
  let used = 0;
  let ballotMark = new Int32Array(0);

  const grow = (need: number) => {
    if (need <= ballotProjects.length) return;
    let size = ballotProjects.length * 2;
    while (size < need) size *= 2;
    const p = new Int32Array(size);
    p.set(ballotProjects);
    ballotProjects = p;
    if (ballotPoints !== null && pointDecimals !== null) {
      const q = new Float64Array(size);
      q.set(ballotPoints);
      ballotPoints = q;
      const d = new Uint8Array(size);
      d.set(pointDecimals);
      pointDecimals = d;
    }
  };

  const startVotes = (lineNo: number) => {
    if (!sectionsSeen.has("meta")) throw new PabulibParseError("section", lineNo, "VOTES before META");
    if (!sectionsSeen.has("projects"))
      throw new PabulibParseError("section", lineNo, "VOTES before PROJECTS");
    const vt = meta.vote_type;
    if (vt === undefined) throw new PabulibParseError("meta", lineNo, "META has no vote_type");
    if (!(VOTE_TYPES as readonly string[]).includes(vt)) {
      throw new PabulibParseError("meta", lineNo, `unsupported vote_type "${vt}"`);
    }
    voteType = vt as PbVoteType;
    if (voteType === "cumulative" || voteType === "scoring") {
      ballotPoints = new Float64Array(ballotProjects.length);
      pointDecimals = new Uint8Array(ballotProjects.length);
    }
    ballotMark = new Int32Array(projects.length).fill(-1);
  };

  const handleHeader = (fields: string[], lineNo: number) => {
    header = fields.map((f) => f.trim());
    const names = header;
    const find = (name: string) => names.indexOf(name);
    if (section === "meta") {
      if (names.length < 2) throw new PabulibParseError("header", lineNo, "META header must be key;value");
    } else if (section === "projects") {
      projectCol = { id: find("project_id"), cost: find("cost"), selected: find("selected") };
      if (projectCol.id < 0)
        throw new PabulibParseError("header", lineNo, "PROJECTS header has no project_id");
      if (projectCol.cost < 0) throw new PabulibParseError("header", lineNo, "PROJECTS header has no cost");
      hasSelected = projectCol.selected >= 0;
    } else if (section === "votes") {
      voteCol = { id: find("voter_id"), vote: find("vote"), points: find("points") };
      if (voteCol.vote < 0) throw new PabulibParseError("header", lineNo, "VOTES header has no vote column");
      if ((voteType === "cumulative" || voteType === "scoring") && voteCol.points < 0) {
        throw new PabulibParseError("header", lineNo, `${voteType} ballots need a points column`);
      }
      voteExtra = [];
      names.forEach((name, col) => {
        if (col !== voteCol.id && col !== voteCol.vote && col !== voteCol.points) {
          voteExtra.push({ name, col, values: [] });
        }
      });
    }
  };

  const handleMeta = (fields: string[], lineNo: number) => {
    const key = (fields[0] ?? "").trim();
    if (fields.length < 2) throw new PabulibParseError("meta", lineNo, `META entry "${key}" has no value`);
    if (key === "") throw new PabulibParseError("meta", lineNo, "META entry without a key");
    meta[key] = (fields[1] as string).trim();
  };

  const handleProject = (fields: string[], lineNo: number) => {
    const names = header as string[];
    if (fields.length > names.length) {
      throw new PabulibParseError(
        "project",
        lineNo,
        `${fields.length} fields but the header has ${names.length}`,
      );
    }
    const id = (fields[projectCol.id] ?? "").trim();
    if (id === "") throw new PabulibParseError("project", lineNo, "project without an id");
    if (projectIndex.has(id)) throw new PabulibParseError("project", lineNo, `duplicate project id "${id}"`);
    const costText = (fields[projectCol.cost] ?? "").trim();
    const cost = parseRational(costText);
    if (cost === null)
      throw new PabulibParseError("project", lineNo, `project "${id}": cost "${costText}" is not a number`);
    if (cost.num < 0n) throw new PabulibParseError("project", lineNo, `project "${id}": negative cost`);
    const record: Record<string, string> = {};
    for (let c = 0; c < fields.length; c++) {
      const v = (fields[c] as string).trim();
      if (!isAbsent(v)) record[names[c] as string] = v;
    }
    let selected: number | null = null;
    if (projectCol.selected >= 0) {
      const s = (fields[projectCol.selected] ?? "").trim();
      if (!isAbsent(s)) {
        const n = Number(s);
        if (!Number.isInteger(n)) {
          throw new PabulibParseError(
            "project",
            lineNo,
            `project "${id}": selected "${s}" is not an integer`,
          );
        }
        selected = n;
      }
    }
    projectIndex.set(id, projects.length);
    projects.push({ id, cost, selected, fields: record });
  };

  const handleVote = (fields: string[], lineNo: number) => {
    const voter = voteCol.id >= 0 ? (fields[voteCol.id] ?? "").trim() : String(voterIds.length);
    const voteText = (fields[voteCol.vote] ?? "").trim();
    const ballotNo = voterIds.length;
    const tokens = isAbsent(voteText) ? [] : voteText.split(",");
    let pointTokens: string[] | null = null;
    if (ballotPoints !== null) {
      const pt = (fields[voteCol.points] ?? "").trim();
      pointTokens = isAbsent(pt) ? [] : pt.split(",");
      if (pointTokens.length !== tokens.length) {
        throw new PabulibParseError(
          "points",
          lineNo,
          `voter "${voter}": ${tokens.length} projects but ${pointTokens.length} point values`,
        );
      }
    }
    grow(used + tokens.length);
    for (let t = 0; t < tokens.length; t++) {
      const pid = (tokens[t] as string).trim();
      if (pid === "") continue;
      const idx = projectIndex.get(pid);
      if (idx === undefined) {
        throw new PabulibParseError("vote", lineNo, `voter "${voter}" votes for unknown project "${pid}"`);
      }
      if (ballotMark[idx] === ballotNo) {
        if (voteType === "approval" || voteType === "choose-1") continue; // a set: repeats add nothing
        throw new PabulibParseError("vote", lineNo, `voter "${voter}" lists project "${pid}" twice`);
      }
      ballotMark[idx] = ballotNo;
      ballotProjects[used] = idx;
      if (pointTokens !== null && ballotPoints !== null && pointDecimals !== null) {
        const p = (pointTokens[t] as string).trim();
        const m = POINT.exec(p);
        if (m === null)
          throw new PabulibParseError("points", lineNo, `voter "${voter}": points "${p}" is not a number`);
        const decimals = (m[2] ?? "").length;
        if (decimals > 9)
          throw new PabulibParseError("points", lineNo, `voter "${voter}": points "${p}" too precise`);
        const scaled = Number(p.replace(".", ""));
        if (!Number.isSafeInteger(scaled))
          throw new PabulibParseError("points", lineNo, `points "${p}" too large`);
        ballotPoints[used] = scaled;
        pointDecimals[used] = decimals;
        if (decimals > maxDecimals) maxDecimals = decimals;
      }
      used++;
    }
    voterIds.push(voter);
    offsets.push(used);
    for (const extra of voteExtra) {
      const v = (fields[extra.col] ?? "").trim();
      extra.values.push(isAbsent(v) ? "" : v);
    }
  };

  // Record loop: one record per line, except when a quoted field spans lines.
  let pos = 0;
  let lineNo = 0;
  const len = text.length;
  while (pos < len) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = len;
    lineNo++;
    const startLine = lineNo;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.indexOf('"') >= 0) {
      while (hasOpenQuote(line) && pos < len) {
        let next = text.indexOf("\n", pos);
        if (next < 0) next = len;
        line += `\n${text.slice(pos, next)}`;
        pos = next + 1;
        lineNo++;
      }
    }
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() === "") continue;
    const fields = splitRecord(line, startLine);
    const head = fields[0] as string;
    const first = head.length <= 16 ? head.trim().toLowerCase() : "";
    if (first === "meta" || first === "projects" || first === "votes") {
      if (fields.every((f, k) => k === 0 || f.trim() === "")) {
        const next = first as Section;
        if (sectionsSeen.has(next)) {
          throw new PabulibParseError("section", startLine, `${first.toUpperCase()} section appears twice`);
        }
        if (next === "votes") startVotes(startLine);
        else if (next === "projects" && !sectionsSeen.has("meta")) {
          throw new PabulibParseError("section", startLine, "PROJECTS before META");
        }
        section = next;
        sectionsSeen.add(next);
        expectHeader = true;
        header = null;
        continue;
      }
    }
    if (section === null) {
      throw new PabulibParseError("section", startLine, "content before the first section title (META)");
    }
    if (expectHeader) {
      handleHeader(fields, startLine);
      expectHeader = false;
      continue;
    }
    if (section === "meta") handleMeta(fields, startLine);
    else if (section === "projects") handleProject(fields, startLine);
    else handleVote(fields, startLine);
  }

  if (lineNo === 0 || sectionsSeen.size === 0) throw new PabulibParseError("empty", 0, "the file is empty");
  for (const s of ["meta", "projects", "votes"] as const) {
    if (!sectionsSeen.has(s))
      throw new PabulibParseError("section", lineNo, `missing ${s.toUpperCase()} section`);
  }
  if (expectHeader)
    throw new PabulibParseError("header", lineNo, `the ${section} section has no header line`);
  const budgetText = meta.budget;
  if (budgetText === undefined) throw new PabulibParseError("meta", 0, "META has no budget");
  budget = parseRational(budgetText);
  if (budget === null || budget.num < 0n) {
    throw new PabulibParseError("meta", 0, `budget "${budgetText}" is not a non-negative number`);
  }
  if (voteType === null) throw new PabulibParseError("meta", 0, "META has no vote_type");

  const numProjects = meta.num_projects;
  if (numProjects !== undefined && Number(numProjects) !== projects.length) {
    warnings.push(`num_projects is ${numProjects} but PROJECTS lists ${projects.length}`);
  }
  const numVotes = meta.num_votes;
  if (numVotes !== undefined && Number(numVotes) !== voterIds.length) {
    warnings.push(`num_votes is ${numVotes} but VOTES lists ${voterIds.length}`);
  }

  let points: Float64Array | null = null;
  let pointsScale = 1;
  const rawPoints = ballotPoints as Float64Array | null;
  const decimalsOf = pointDecimals as Uint8Array | null;
  if (rawPoints !== null && decimalsOf !== null) {
    points = rawPoints.slice(0, used);
    pointsScale = 10 ** maxDecimals;
    if (maxDecimals > 0) {
      for (let k = 0; k < used; k++) {
        const v = (points[k] as number) * 10 ** (maxDecimals - (decimalsOf[k] as number));
        if (!Number.isSafeInteger(v))
          throw new PabulibParseError("points", 0, "point values too precise to count exactly");
        points[k] = v;
      }
    }
  }
  const fieldsOut: Record<string, string[]> = {};
  for (const extra of voteExtra) fieldsOut[extra.name] = extra.values;
  const offsetsArr = Int32Array.from(offsets);
  offsets = [];

  return {
    meta,
    voteType,
    budget,
    projects,
    votes: {
      count: voterIds.length,
      voterIds,
      offsets: offsetsArr,
      projects: ballotProjects.slice(0, used),
      points,
      pointsScale,
      fields: fieldsOut,
    },
    hasSelected,
    warnings,
  };
}

/** The ids of the projects the file marks as selected (`selected` = 1), or null when there is no such column. */
export function selectedProjectIds(election: PbElection): string[] | null {
  if (!election.hasSelected) return null;
  return election.projects.filter((p) => p.selected === 1).map((p) => p.id);
}
