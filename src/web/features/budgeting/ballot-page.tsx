import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { BallotChoice, BallotReceipt, Proposal, Round } from "../../../contracts/budgeting.ts";
import type { Me } from "../../../contracts/identity.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { castBallot } from "../../api/budgeting/budgeting.api.ts";
import { useMyBallot, useProposals, useRound } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { BallotRules, ExampleNote, formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

/** Choices as the form holds them: project id → points (cumulative), rank (ranking) or 1 (approval, basket). */
type Marks = Record<string, number>;

/** The ballot the form would send, in the order the round's type needs (ranking: best first). */
export function choicesOf(round: Round, marks: Marks): BallotChoice[] {
  const entries = Object.entries(marks).filter(([, value]) => value > 0);
  if (round.ballotType === "ranking") entries.sort((a, b) => a[1] - b[1]);
  return entries.map(([projectId, value]) =>
    round.ballotType === "cumulative" ? { projectId, points: value } : { projectId },
  );
}

/** What an area's meter says: chosen count, cost or points against the limit, and whether it is over. */
export function areaMeter(
  round: Round,
  budget: number,
  projects: readonly Proposal[],
  marks: Marks,
): { count: number; cost: number; points: number; over: boolean } {
  let count = 0;
  let cost = 0;
  let points = 0;
  for (const p of projects) {
    const mark = marks[p.id] ?? 0;
    if (mark <= 0) continue;
    count += 1;
    cost += p.reviewCost ?? 0;
    points += mark;
  }
  const over =
    ((round.ballotType === "approval" || round.ballotType === "ranking") &&
      round.maxChoices !== null &&
      count > round.maxChoices) ||
    (round.ballotType === "basket" && cost > budget) ||
    (round.ballotType === "cumulative" && round.pointsTotal !== null && points > round.pointsTotal);
  return { count, cost, points, over };
}

function BallotForm({ round, projects, person }: { round: Round; projects: Proposal[]; person: Me }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const [reloadKey, setReloadKey] = useState(0);
  const mine = useMyBallot(round.id, String(reloadKey));
  const [marks, setMarks] = useState<Marks | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const submit = useSubmit<BallotReceipt>();
  const receiptRef = useRef<HTMLHeadingElement>(null);

  // The stored ballot fills the form once, so a voter who comes back sees (and can change) their vote.
  useEffect(() => {
    if (marks !== null || mine.status === "loading") return;
    const initial: Marks = {};
    if (mine.status === "success") {
      mine.data.choices.forEach((c, k) => {
        initial[c.projectId] = round.ballotType === "ranking" ? k + 1 : (c.points ?? 1);
      });
    }
    setMarks(initial);
  }, [mine, marks, round.ballotType]);

  useEffect(() => {
    if (submit.status === "success") receiptRef.current?.focus();
  }, [submit.status]);

  if (!person.verifiedResident) {
    return (
      <div className="notice-card">
        <p className="lead">{t("budgeting.ballot.notVerified")}</p>
        <p>
          <Link to={WEB_ROUTES.profile}>{t("budgeting.ballot.identifyLink")}</Link>
        </p>
      </div>
    );
  }
  if (!round.votingOpen) return <p className="notice">{t("budgeting.ballot.closed")}</p>;
  const current = marks ?? {};

  const describeArea = (areaId: string, next: Marks) => {
    const area = round.areas.find((a) => a.id === areaId);
    if (!area) return "";
    const m = areaMeter(
      round,
      area.budget,
      projects.filter((p) => p.areaId === areaId),
      next,
    );
    return (
      t(`budgeting.ballot.meter.${round.ballotType}`, {
        area: local(area.name).text,
        chosen: m.count,
        max: round.maxChoices ?? "–",
        cost: formatEuros(m.cost, locale),
        budget: formatEuros(area.budget, locale),
        points: m.points,
        total: round.pointsTotal ?? "–",
      }) + (m.over ? ` ${t(`budgeting.ballot.over.${round.ballotType}`)}` : "")
    );
  };

  const change = (project: Proposal, value: number) => {
    const next = { ...current, [project.id]: value };
    if (value <= 0) delete next[project.id];
    setMarks(next);
    setAnnouncement(describeArea(project.areaId, next));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit.run((options) => castBallot(round.id, choicesOf(round, current), options));
    if (result.ok) setReloadKey((k) => k + 1);
  };

  const receipt = submit.data ?? (mine.status === "success" ? mine.data : undefined);
  return (
    <>
      {receipt ? (
        <section className="pb-receipt" aria-labelledby="kuitti-h">
          <h2 id="kuitti-h" ref={receiptRef} tabIndex={-1}>
            {submit.status === "success" ? t("budgeting.ballot.saved") : t("budgeting.ballot.existing")}
          </h2>
          <p>{t("budgeting.ballot.receiptLabel")}</p>
          <p className="pb-receipt__code" data-testid="receipt-code">
            {receipt.receiptCode}
          </p>
          <p>{t("budgeting.ballot.receiptHelp")}</p>
        </section>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} items={[]} attempt={submit.attempt} />
        <BallotRules round={round} />
        {round.areas.map((area) => {
          const name = local(area.name);
          const mineInArea = projects.filter((p) => p.areaId === area.id);
          if (mineInArea.length === 0) return null;
          const meter = areaMeter(round, area.budget, mineInArea, current);
          const meterId = `mittari-${area.id}`;
          return (
            <fieldset key={area.id} className="pb-choices" aria-describedby={meterId}>
              <legend>
                <span lang={name.lang}>{name.text}</span> ({formatEuros(area.budget, locale)})
              </legend>
              <div className="pb-meter" id={meterId}>
                <p>{describeArea(area.id, current)}</p>
                {round.ballotType === "basket" ? (
                  <meter
                    min={0}
                    max={area.budget}
                    value={Math.min(meter.cost, area.budget)}
                    aria-hidden="true"
                  />
                ) : null}
              </div>
              {mineInArea.map((project) => {
                const inputId = `valinta-${project.id}`;
                const cost = formatEuros(project.reviewCost ?? 0, locale);
                const label = (
                  <label htmlFor={inputId}>
                    <span lang={project.language}>{project.title}</span> – {cost}
                  </label>
                );
                if (round.ballotType === "approval" || round.ballotType === "basket") {
                  return (
                    <div key={project.id} className="pb-choice">
                      <input
                        id={inputId}
                        type="checkbox"
                        checked={(current[project.id] ?? 0) > 0}
                        onChange={(e) => change(project, e.target.checked ? 1 : 0)}
                      />
                      {label}
                    </div>
                  );
                }
                return (
                  <div key={project.id} className="pb-choice">
                    {label}
                    <input
                      id={inputId}
                      className="input"
                      type="number"
                      min={0}
                      max={
                        round.ballotType === "cumulative" ? (round.pointsTotal ?? 1000) : mineInArea.length
                      }
                      inputMode="numeric"
                      aria-label={`${project.title}: ${t(`budgeting.ballot.${round.ballotType === "cumulative" ? "pointsLabel" : "rankLabel"}`)}`}
                      value={current[project.id] ?? ""}
                      onChange={(e) => change(project, Number(e.target.value) || 0)}
                    />
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        <p role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.status === "pending"}>
            {receipt ? t("budgeting.ballot.change") : t("budgeting.ballot.submit")}
          </button>
        </div>
      </form>
    </>
  );
}

/** The ballot: choices per area with a budget meter announced to screen readers, then a receipt. */
export function BallotPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { id = "" } = useParams();
  const round = useRound(id);
  const proposals = useProposals(id);
  const title = round.data ? local(round.data.title) : undefined;
  useDocumentTitle(t("budgeting.ballot.title"));
  return (
    <SessionGate title={t("budgeting.ballot.title")}>
      {(person) => (
        <div className="container page page--narrow">
          <Breadcrumb
            trail={[
              { to: WEB_ROUTES.budgeting, label: t("budgeting.title") },
              { to: budgetingPath("budgetingRound", id), label: title?.text ?? t("budgeting.round.kicker") },
            ]}
            current={t("budgeting.ballot.title")}
          />
          <header className="page-header">
            <p className="kicker" lang={title?.lang}>
              {title?.text ?? t("budgeting.kicker")}
            </p>
            <PageHeading>{t("budgeting.ballot.title")}</PageHeading>
          </header>
          {round.data?.isExample ? <ExampleNote /> : null}
          <LoadingStatus loading={round.status === "loading" || proposals.status === "loading"} />
          {round.status === "error" ? <ProblemAlert error={round.error} onRetry={round.reload} /> : null}
          {proposals.status === "error" ? (
            <ProblemAlert error={proposals.error} onRetry={proposals.reload} />
          ) : null}
          {round.data && proposals.data ? (
            <BallotForm
              round={round.data}
              projects={proposals.data.filter((p) => p.status === "feasible")}
              person={person}
            />
          ) : null}
        </div>
      )}
    </SessionGate>
  );
}
