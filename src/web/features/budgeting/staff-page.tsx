import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type BallotReceipt,
  PHASES,
  type Phase,
  type Proposal,
  type ProposalDetail,
  type Round,
  type RoundResults,
} from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import {
  enterPaperBallot,
  mergeProposal,
  publishResults,
  reviewProposal,
  setPhase,
} from "../../api/budgeting/budgeting.api.ts";
import { useProposals, useRounds } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

function PhaseForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const [phase, setPhaseValue] = useState<Phase>(round.phase);
  const submit = useSubmit<Round>();
  const publish = useSubmit<RoundResults>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await submit.run((o) => setPhase(round.id, phase, o))).ok) onDone();
  };
  return (
    <section className="content-section" aria-labelledby="vaihe-h">
      <h2 id="vaihe-h">{t("budgeting.staff.phaseHeading")}</h2>
      <form className="form form--inline" onSubmit={onSubmit} noValidate>
        <ErrorSummary
          error={submit.error ?? publish.error}
          items={[]}
          attempt={submit.attempt + publish.attempt}
        />
        <SelectField
          id="vaihe"
          label={t("budgeting.round.phase")}
          value={phase}
          onChange={(e) => setPhaseValue(e.target.value as Phase)}
        >
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`budgeting.phases.${p}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("budgeting.staff.phaseSubmit")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => {
              if ((await publish.run((o) => publishResults(round.id, o))).ok) onDone();
            }}
          >
            {t("budgeting.staff.publish")}
          </button>
        </div>
      </form>
      <p role="status">
        {submit.status === "success" ? t("budgeting.staff.saved") : ""}
        {publish.status === "success" ? t("budgeting.staff.published") : ""}
      </p>
    </section>
  );
}

function ReviewItem({
  proposal,
  others,
  onDone,
}: {
  proposal: Proposal;
  others: Proposal[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"feasible" | "rejected">(
    proposal.status === "rejected" ? "rejected" : "feasible",
  );
  const [cost, setCost] = useState(String(proposal.reviewCost ?? proposal.costEstimate ?? ""));
  const [reason, setReason] = useState(proposal.reviewReason?.fi ?? "");
  const [into, setInto] = useState("");
  const submit = useSubmit<ProposalDetail>();
  const prefix = `arvio-${proposal.id}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const action = into
      ? (o: Parameters<typeof mergeProposal>[2]) => mergeProposal(proposal.id, into, o)
      : (o: Parameters<typeof reviewProposal>[2]) =>
          reviewProposal(
            proposal.id,
            {
              status,
              ...(cost.trim() ? { cost: Number(cost) } : {}),
              ...(reason.trim() ? { reason: { fi: reason.trim() } } : {}),
            },
            o,
          );
    if ((await submit.run(action)).ok) onDone();
  };
  return (
    <li className="pb-staff-item">
      <h3>
        <Link to={budgetingPath("budgetingProposal", proposal.id)} lang={proposal.language}>
          {proposal.title}
        </Link>{" "}
        ({t(`budgeting.status.${proposal.status}`)})
      </h3>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} items={[]} attempt={submit.attempt} />
        <SelectField
          id={`${prefix}-tila`}
          label={t("budgeting.staff.decision")}
          value={status}
          onChange={(e) => setStatus(e.target.value as "feasible" | "rejected")}
        >
          <option value="feasible">{t("budgeting.status.feasible")}</option>
          <option value="rejected">{t("budgeting.status.rejected")}</option>
        </SelectField>
        <TextField
          id={`${prefix}-hinta`}
          label={t("budgeting.proposal.cityCost")}
          inputMode="numeric"
          value={cost}
          onChange={(e) => setCost(e.target.value)}
        />
        <TextField
          id={`${prefix}-perustelu`}
          label={t("budgeting.staff.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <SelectField
          id={`${prefix}-yhdista`}
          label={t("budgeting.staff.mergeInto")}
          value={into}
          onChange={(e) => setInto(e.target.value)}
        >
          <option value="">{t("budgeting.staff.noMerge")}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--small">
            {t("budgeting.staff.save")}
          </button>
        </div>
        <p role="status">{submit.status === "success" ? t("budgeting.staff.saved") : ""}</p>
      </form>
    </li>
  );
}

function PaperBallotForm({ round, projects }: { round: Round; projects: Proposal[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const [hetu, setHetu] = useState("");
  const [checked, setChecked] = useState(false);
  const [marks, setMarks] = useState<Record<string, number>>({});
  const submit = useSubmit<BallotReceipt>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const entries = Object.entries(marks).filter(([, v]) => v > 0);
    if (round.ballotType === "ranking") entries.sort((a, b) => a[1] - b[1]);
    const choices = entries.map(([projectId, v]) =>
      round.ballotType === "cumulative" ? { projectId, points: v } : { projectId },
    );
    const result = await submit.run((o) =>
      enterPaperBallot(round.id, { henkilotunnus: hetu, residencyChecked: checked, choices }, o),
    );
    if (result.ok) {
      // The number is not kept anywhere in the browser once the ballot is in.
      setHetu("");
      setChecked(false);
      setMarks({});
    }
  };
  const items = (submit.error?.fields ?? [])
    .filter((f) => f.path === "/body/henkilotunnus")
    .map((f) => ({ fieldId: "paperi-hetu", message: f.message }));
  return (
    <section className="content-section" aria-labelledby="paperi-h">
      <h2 id="paperi-h">{t("budgeting.staff.paperHeading")}</h2>
      <p>{t("budgeting.staff.paperIntro")}</p>
      {!round.votingOpen ? <p className="notice">{t("budgeting.ballot.closed")}</p> : null}
      <form className="form form--card" onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} items={items} attempt={submit.attempt} />
        <TextField
          id="paperi-hetu"
          label={t("budgeting.staff.hetu")}
          value={hetu}
          onChange={(e) => setHetu(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={11}
          error={items[0]?.message}
        />
        <div className="pb-choice">
          <input
            id="paperi-asukas"
            type="checkbox"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
          />
          <label htmlFor="paperi-asukas">{t("budgeting.staff.residencyChecked")}</label>
        </div>
        {round.areas.map((area) => {
          const name = local(area.name);
          const list = projects.filter((p) => p.areaId === area.id);
          if (list.length === 0) return null;
          return (
            <fieldset key={area.id} className="pb-choices">
              <legend lang={name.lang}>{name.text}</legend>
              {list.map((p) => {
                const id = `paperi-${p.id}`;
                const label = (
                  <label key="label" htmlFor={id}>
                    {p.title} – {formatEuros(p.reviewCost ?? 0, locale)}
                  </label>
                );
                return round.ballotType === "approval" || round.ballotType === "basket" ? (
                  <div key={p.id} className="pb-choice">
                    <input
                      id={id}
                      type="checkbox"
                      checked={(marks[p.id] ?? 0) > 0}
                      onChange={(e) => setMarks((m) => ({ ...m, [p.id]: e.target.checked ? 1 : 0 }))}
                    />
                    {label}
                  </div>
                ) : (
                  <div key={p.id} className="pb-choice">
                    {label}
                    <input
                      id={id}
                      className="input"
                      type="number"
                      min={0}
                      value={marks[p.id] ?? ""}
                      onChange={(e) => setMarks((m) => ({ ...m, [p.id]: Number(e.target.value) || 0 }))}
                    />
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        <div className="form__actions">
          <button type="submit" className="button">
            {t("budgeting.staff.paperSubmit")}
          </button>
        </div>
      </form>
      <p role="status">
        {submit.status === "success" && submit.data
          ? t("budgeting.staff.paperSaved", { code: submit.data.receiptCode })
          : ""}
      </p>
    </section>
  );
}

function StaffContent({ rounds, reloadRounds }: { rounds: Round[]; reloadRounds: () => void }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const [chosen, setChosen] = useState("");
  const roundId = chosen || rounds[0]?.id || "";
  const round = rounds.find((r) => r.id === roundId);
  const proposals = useProposals(roundId);
  const reload = () => {
    reloadRounds();
    proposals.reload();
  };
  if (!round) return <p>{t("budgeting.noRounds")}</p>;
  const open = (proposals.data ?? []).filter((p) => p.status !== "merged");
  return (
    <>
      <SelectField
        id="kierros"
        label={t("budgeting.staff.round")}
        value={roundId}
        onChange={(e) => setChosen(e.target.value)}
      >
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {local(r.title).text}
          </option>
        ))}
      </SelectField>
      <PhaseForm key={`${round.id}-${round.phase}`} round={round} onDone={reload} />
      {proposals.status === "error" ? (
        <ProblemAlert error={proposals.error} onRetry={proposals.reload} />
      ) : null}
      {["ideas", "co_creation", "review"].includes(round.phase) ? (
        <section className="content-section" aria-labelledby="arviointi-h">
          <h2 id="arviointi-h">{t("budgeting.staff.reviewHeading")}</h2>
          <ul className="pb-list">
            {open.map((p) => (
              <ReviewItem
                key={p.id}
                proposal={p}
                others={open.filter((o) => o.id !== p.id)}
                onDone={reload}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {round.phase === "voting" ? (
        <PaperBallotForm
          round={round}
          projects={(proposals.data ?? []).filter((p) => p.status === "feasible")}
        />
      ) : null}
    </>
  );
}

/** Staff desk: phases, review and merging of proposals, paper ballot entry and publication of results. */
export function BudgetingStaffPage() {
  const { t } = useTranslation();
  const rounds = useRounds();
  useDocumentTitle(t("budgeting.staff.title"));
  return (
    <SessionGate title={t("budgeting.staff.title")} roles={["staff", "admin"]}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: WEB_ROUTES.budgeting, label: t("budgeting.title") }]}
            current={t("budgeting.staff.title")}
          />
          <header className="page-header">
            <PageHeading>{t("budgeting.staff.title")}</PageHeading>
          </header>
          <LoadingStatus loading={rounds.status === "loading"} />
          {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
          {rounds.data ? <StaffContent rounds={rounds.data} reloadRounds={rounds.reload} /> : null}
        </div>
      )}
    </SessionGate>
  );
}
