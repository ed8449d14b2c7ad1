import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ProposalDetail, ProposalInput } from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { submitProposal } from "../../api/budgeting/budgeting.api.ts";
import { useRound } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import "./budgeting.css";

const FIELD_IDS: Record<string, string> = {
  "/body/areaId": "ehdotus-alue",
  "/body/title": "ehdotus-otsikko",
  "/body/description": "ehdotus-kuvaus",
  "/body/locationText": "ehdotus-paikka",
  "/body/latitude": "ehdotus-lat",
  "/body/longitude": "ehdotus-lon",
  "/body/costEstimate": "ehdotus-hinta",
};

function ProposeForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const navigate = useNavigate();
  const round = useRound(roundId);
  const submit = useSubmit<ProposalDetail>();
  const [form, setForm] = useState({
    areaId: "",
    title: "",
    description: "",
    locationText: "",
    latitude: "",
    longitude: "",
    costEstimate: "",
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));
  const areas = round.data?.areas ?? [];
  const areaId = form.areaId || areas[0]?.id || "";
  const items: SummaryItem[] = (submit.error?.fields ?? []).map((f) => ({
    fieldId: FIELD_IDS[f.path] ?? "ehdotus-otsikko",
    message: f.message,
  }));
  const errorOf = (id: string) => items.find((i) => i.fieldId === id)?.message;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const number = (v: string) => (v.trim() === "" ? undefined : Number(v.replace(",", ".")));
    const input: ProposalInput = {
      areaId,
      title: form.title,
      description: form.description,
      language: locale,
    };
    if (form.locationText.trim()) input.locationText = form.locationText.trim();
    const lat = number(form.latitude);
    const lon = number(form.longitude);
    const cost = number(form.costEstimate);
    if (lat !== undefined) input.latitude = lat;
    if (lon !== undefined) input.longitude = lon;
    if (cost !== undefined) input.costEstimate = Math.round(cost);
    const result = await submit.run((options) => submitProposal(roundId, input, options));
    if (result.ok) void navigate(budgetingPath("budgetingProposal", result.data.id));
  };
  if (round.status === "error") return <ProblemAlert error={round.error} onRetry={round.reload} />;
  return (
    <>
      <LoadingStatus loading={round.status === "loading"} />
      <form className="form form--card" onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} items={items} attempt={submit.attempt} />
        <SelectField
          id="ehdotus-alue"
          label={t("budgeting.propose.area")}
          value={areaId}
          onChange={set("areaId")}
          error={errorOf("ehdotus-alue")}
        >
          {areas.map((a) => {
            const name = local(a.name);
            return (
              <option key={a.id} value={a.id} lang={name.lang}>
                {name.text}
              </option>
            );
          })}
        </SelectField>
        <TextField
          id="ehdotus-otsikko"
          label={t("budgeting.propose.titleLabel")}
          value={form.title}
          onChange={set("title")}
          maxLength={120}
          required
          error={errorOf("ehdotus-otsikko")}
        />
        <div className={`field${errorOf("ehdotus-kuvaus") ? " field--error" : ""}`}>
          <label htmlFor="ehdotus-kuvaus" className="field__label">
            {t("budgeting.propose.description")}
          </label>
          <div id="ehdotus-kuvaus-hint" className="field__hint">
            {t("budgeting.propose.descriptionHint")}
          </div>
          <textarea
            id="ehdotus-kuvaus"
            className="input"
            rows={6}
            maxLength={4000}
            value={form.description}
            onChange={set("description")}
            aria-describedby="ehdotus-kuvaus-hint"
            aria-invalid={errorOf("ehdotus-kuvaus") ? true : undefined}
          />
        </div>
        <TextField
          id="ehdotus-paikka"
          label={t("budgeting.propose.place")}
          hint={t("budgeting.propose.placeHint")}
          value={form.locationText}
          onChange={set("locationText")}
          maxLength={200}
          error={errorOf("ehdotus-paikka")}
        />
        <TextField
          id="ehdotus-lat"
          label={t("budgeting.propose.latitude")}
          inputMode="decimal"
          value={form.latitude}
          onChange={set("latitude")}
          error={errorOf("ehdotus-lat")}
        />
        <TextField
          id="ehdotus-lon"
          label={t("budgeting.propose.longitude")}
          inputMode="decimal"
          value={form.longitude}
          onChange={set("longitude")}
          error={errorOf("ehdotus-lon")}
        />
        <TextField
          id="ehdotus-hinta"
          label={t("budgeting.propose.cost")}
          hint={
            <>
              <p className="field__hint-title">{t("budgeting.propose.costHintTitle")}</p>
              <ul className="field__hint-list">
                <li>{t("budgeting.propose.costHint.bench")}</li>
                <li>{t("budgeting.propose.costHint.light")}</li>
                <li>{t("budgeting.propose.costHint.playground")}</li>
                <li>{t("budgeting.propose.costHint.event")}</li>
              </ul>
            </>
          }
          inputMode="numeric"
          value={form.costEstimate}
          onChange={set("costEstimate")}
          error={errorOf("ehdotus-hinta")}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.status === "pending"}>
            {t("budgeting.propose.submit")}
          </button>
        </div>
      </form>
    </>
  );
}

/** The proposal form (signed-in residents, during the ideas phase), with help for estimating the cost. */
export function ProposePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  useDocumentTitle(t("budgeting.propose.title"));
  return (
    <SessionGate title={t("budgeting.propose.title")}>
      {() => (
        <div className="container page page--narrow">
          <Breadcrumb
            trail={[
              { to: WEB_ROUTES.budgeting, label: t("budgeting.title") },
              { to: budgetingPath("budgetingRound", id), label: t("budgeting.round.kicker") },
            ]}
            current={t("budgeting.propose.title")}
          />
          <header className="page-header">
            <PageHeading>{t("budgeting.propose.title")}</PageHeading>
            <p className="lead">{t("budgeting.propose.intro")}</p>
          </header>
          <ProposeForm roundId={id} />
        </div>
      )}
    </SessionGate>
  );
}
