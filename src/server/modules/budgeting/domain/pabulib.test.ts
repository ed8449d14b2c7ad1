import { describe, expect, it } from "vitest";
import { PabulibParseError, parsePabulib, selectedProjectIds } from "./pabulib.ts";
import { formatRational } from "./rational.ts";

const APPROVAL = `META
key;value
description;Small test
country;Finland
unit;Heinola
instance;2025
num_projects;3
num_votes;4
budget;100
vote_type;approval
rule;greedy
min_length;1
max_sum_cost;80
PROJECTS
project_id;cost;votes;name;selected
1;50;3;Puisto;1
2;40;2;"Kirjasto; lukusali";1
3;30;1;"Uimaranta ""Hiekka""";0
VOTES
voter_id;age;vote
a;34;1,2
b;51;1
c;23;1,2,3
d;19;
`;

/** Expects the parse to fail with the given code at the given line. */
function expectError(text: string, code: string, line: number, fragment?: string): void {
  try {
    parsePabulib(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PabulibParseError);
    const err = e as PabulibParseError;
    expect({ code: err.code, line: err.line }).toEqual({ code, line });
    if (fragment !== undefined) expect(err.message).toContain(fragment);
    return;
  }
  throw new Error("expected a parse error");
}

function ballots(text: string): string[][] {
  const e = parsePabulib(text);
  const out: string[][] = [];
  for (let v = 0; v < e.votes.count; v++) {
    const ids: string[] = [];
    for (let k = e.votes.offsets[v] as number; k < (e.votes.offsets[v + 1] as number); k++) {
      ids.push(e.projects[e.votes.projects[k] as number]?.id ?? "?");
    }
    out.push(ids);
  }
  return out;
}

describe("parsePabulib", () => {
  it("reads META, PROJECTS with quoted fields, and approval VOTES", () => {
    const e = parsePabulib(APPROVAL);
    expect(e.voteType).toBe("approval");
    expect(formatRational(e.budget)).toBe("100");
    expect(e.meta.max_sum_cost).toBe("80");
    expect(e.meta.min_length).toBe("1");
    expect(e.projects.map((p) => p.id)).toEqual(["1", "2", "3"]);
    expect(e.projects[1]?.fields.name).toBe("Kirjasto; lukusali");
    expect(e.projects[2]?.fields.name).toBe('Uimaranta "Hiekka"');
    expect(e.projects.map((p) => p.selected)).toEqual([1, 1, 0]);
    expect(selectedProjectIds(e)).toEqual(["1", "2"]);
    expect(e.votes.voterIds).toEqual(["a", "b", "c", "d"]);
    expect(ballots(APPROVAL)).toEqual([["1", "2"], ["1"], ["1", "2", "3"], []]);
    expect(e.votes.fields.age).toEqual(["34", "51", "23", "19"]);
    expect(e.warnings).toEqual([]);
  });

  it("accepts CRLF line ends, a byte-order mark, blank lines and spaces around fields", () => {
    const text =
      `\uFEFF${APPROVAL.replace("budget;100", "budget ; 100 ").replace("PROJECTS", "\nPROJECTS")}`.replace(
        /\n/g,
        "\r\n",
      );
    const e = parsePabulib(text);
    expect(formatRational(e.budget)).toBe("100");
    expect(e.votes.count).toBe(4);
  });

  it("keeps a quoted field that spans lines, and counts lines correctly after it", () => {
    const text = APPROVAL.replace('"Kirjasto; lukusali"', '"Kirjasto\nja lukusali"').replace(
      "c;23;1,2,3",
      "c;23;1,9",
    );
    expectError(text, "vote", 24, 'unknown project "9"');
    const ok = parsePabulib(APPROVAL.replace('"Kirjasto; lukusali"', '"Kirjasto\nja lukusali"'));
    expect(ok.projects[1]?.fields.name).toBe("Kirjasto\nja lukusali");
  });

  it("reads exact decimal costs and budgets, with a decimal comma as pabutools does", () => {
    const text = APPROVAL.replace("budget;100", "budget;2320560,88").replace("1;50;3", "1;50.25;3");
    const e = parsePabulib(text);
    expect(formatRational(e.budget)).toBe("2320560.88");
    expect(e.projects[0]?.cost).toEqual({ num: 201n, den: 4n });
  });

  it("treats choose-1 as approval, ignores 'none' fields and empty ids in a vote", () => {
    const text = APPROVAL.replace("vote_type;approval", "vote_type;choose-1")
      .replace("1;50;3;Puisto;1", "1;50;3;None;1")
      .replace("a;34;1,2", "a;none;1,,2");
    const e = parsePabulib(text);
    expect(e.voteType).toBe("choose-1");
    expect(e.projects[0]?.fields.name).toBeUndefined();
    expect(e.votes.fields.age?.[0]).toBe("");
    expect(ballots(text)[0]).toEqual(["1", "2"]);
  });

  it("reads cumulative ballots with points, scaling decimal points to integers", () => {
    const text = APPROVAL.replace("vote_type;approval", "vote_type;cumulative")
      .replace("voter_id;age;vote", "voter_id;vote;points")
      .replace("a;34;1,2", "a;1,2;2,1.5")
      .replace("b;51;1", "b;1;3")
      .replace("c;23;1,2,3", "c;3;1")
      .replace("d;19;", "d;;");
    const e = parsePabulib(text);
    expect(e.votes.pointsScale).toBe(10);
    expect(Array.from(e.votes.points ?? [])).toEqual([20, 15, 30, 10]);
  });

  it("keeps the ranking order of ordinal ballots", () => {
    const text = APPROVAL.replace("vote_type;approval", "vote_type;ordinal").replace(
      "c;23;1,2,3",
      "c;23;3,1,2",
    );
    expect(ballots(text)[2]).toEqual(["3", "1", "2"]);
  });

  it("warns, without failing, when num_votes or num_projects disagree with the sections", () => {
    const e = parsePabulib(APPROVAL.replace("num_votes;4", "num_votes;5"));
    expect(e.warnings).toEqual(["num_votes is 5 but VOTES lists 4"]);
  });

  it("reports the absence of a selected column", () => {
    const text = APPROVAL.replace("project_id;cost;votes;name;selected", "project_id;cost;votes;name;extra");
    const e = parsePabulib(text);
    expect(e.hasSelected).toBe(false);
    expect(selectedProjectIds(e)).toBeNull();
  });

  it("parses the vote list fast (90 000 synthetic voters well under a second)", () => {
    const lines = [APPROVAL.slice(0, APPROVAL.indexOf("VOTES"))];
    lines.push("VOTES\nvoter_id;vote;age;sex");
    for (let v = 0; v < 90_000; v++)
      lines.push(`${1400000000 + v};${(v % 3) + 1},${((v + 1) % 3) + 1};${v % 90};F`);
    const text = lines.join("\n");
    const t0 = performance.now();
    const e = parsePabulib(text);
    const ms = performance.now() - t0;
    expect(e.votes.count).toBe(90_000);
    expect(ms).toBeLessThan(1000);
  });
});

describe("parsePabulib errors carry the line number", () => {
  it("rejects an empty file", () => {
    expectError("", "empty", 0);
    expectError("\n\n", "empty", 0);
  });
  it("rejects content before META", () => {
    expectError(`hello;world\n${APPROVAL}`, "section", 1, "before the first section");
  });
  it("rejects a missing section", () => {
    expectError(APPROVAL.slice(0, APPROVAL.indexOf("VOTES")), "section", 18, "missing VOTES");
  });
  it("rejects a repeated section", () => {
    expectError(`${APPROVAL}PROJECTS\nproject_id;cost\n`, "section", 25, "twice");
  });
  it("rejects VOTES before PROJECTS", () => {
    const text = `META\nkey;value\nbudget;1\nvote_type;approval\nVOTES\nvoter_id;vote\n`;
    expectError(text, "section", 5, "VOTES before PROJECTS");
  });
  it("rejects a META without vote_type, or an unknown vote_type", () => {
    expectError(APPROVAL.replace("vote_type;approval\n", ""), "meta", 18, "vote_type");
    expectError(APPROVAL.replace("vote_type;approval", "vote_type;quadratic"), "meta", 19, "quadratic");
  });
  it("rejects a missing or malformed budget", () => {
    expectError(APPROVAL.replace("budget;100\n", ""), "meta", 0, "no budget");
    expectError(APPROVAL.replace("budget;100", "budget;lots"), "meta", 0, '"lots"');
  });
  it("rejects a PROJECTS header without project_id or cost", () => {
    expectError(APPROVAL.replace("project_id;cost;votes", "id;cost;votes"), "header", 15, "project_id");
    expectError(APPROVAL.replace("project_id;cost;votes", "project_id;price;votes"), "header", 15, "cost");
  });
  it("rejects bad projects: duplicate id, cost not a number, negative cost, too many fields", () => {
    expectError(APPROVAL.replace("2;40;2;", "1;40;2;"), "project", 17, 'duplicate project id "1"');
    expectError(APPROVAL.replace("2;40;2;", "2;forty;2;"), "project", 17, '"forty"');
    expectError(APPROVAL.replace("2;40;2;", "2;-40;2;"), "project", 17, "negative");
    expectError(APPROVAL.replace("3;30;1;", "3;30;1;x;y;"), "project", 18, "fields");
  });
  it("rejects an unterminated quote and text after a closing quote", () => {
    expectError(APPROVAL.replace("d;19;", 'd;19;"1'), "quote", 24, "unterminated");
    // An opening quote without its closing one swallows the following lines up to the next quote.
    expectError(APPROVAL.replace('"Kirjasto; lukusali"', '"Kirjasto; lukusali'), "quote", 17);
    expectError(
      APPROVAL.replace('"Kirjasto; lukusali"', '"Kirjasto" lukusali'),
      "quote",
      17,
      "after the closing quote",
    );
  });
  it("rejects votes for unknown projects and repeated projects in a ranking", () => {
    expectError(APPROVAL.replace("b;51;1", "b;51;7"), "vote", 22, 'unknown project "7"');
    const ordinal = APPROVAL.replace("vote_type;approval", "vote_type;ordinal").replace("b;51;1", "b;51;1,1");
    expectError(ordinal, "vote", 22, "twice");
  });
  it("rejects cumulative ballots whose points do not match the projects", () => {
    const text = APPROVAL.replace("vote_type;approval", "vote_type;cumulative")
      .replace("voter_id;age;vote", "voter_id;vote;points")
      .replace("a;34;1,2", "a;1,2;3");
    expectError(text, "points", 21, "2 projects but 1 point values");
    const noPoints = APPROVAL.replace("vote_type;approval", "vote_type;cumulative");
    expectError(noPoints, "header", 20, "points column");
    const badPoint = text.replace("a;1,2;3", "a;1,2;3,x");
    expectError(badPoint, "points", 21, '"x"');
  });
  it("rejects a section without its header line", () => {
    expectError(`${APPROVAL.slice(0, APPROVAL.indexOf("VOTES"))}VOTES\n`, "header", 19, "no header");
  });
});
