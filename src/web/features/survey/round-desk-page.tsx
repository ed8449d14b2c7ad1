import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type {
  CallList,
  MarginsPreview,
  RoundDesk,
  RoundStatus,
  RoundSummary,
  SamplePreviewRow,
} from "../../../contracts/survey.ts";
import { surveyResultsPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import {
  fetchRoundDesk,
  importMargins,
  importSample,
  previewMargins,
  previewSample,
  saveQuotas,
  updateRound,
} from "../../api/survey/rounds.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { CsvDownloadLink } from "../../components/csv-download.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, type SummaryItem } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { CsvImport } from "./csv-import.tsx";
import {
  type RoundDetails,
  RoundDetailsFields,
  roundDetailsBody,
  roundDetailsErrors,
  roundDetailsOf,
  trimValue,
  type WeightingChoice,
  WeightingFields,
  weightingErrors,
} from "./rounds-page.tsx";
import { formatDay } from "./survey-format.ts";
import "./survey.css";

/** A table in a region that scrolls sideways at 320 px and can be reached by keyboard. */
function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="data-table data-table--fit">
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

const NEXT_STATUS: Record<RoundStatus, RoundStatus> = { draft: "open", open: "closed", closed: "open" };

function StatusSection({ desk, onChanged }: { desk: RoundDesk; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submit = useSubmit<RoundSummary>();
  const { round } = desk;
  const next = NEXT_STATUS[round.status];
  return (
    <section className="content-section" aria-labelledby="tila-h">
      <h2 id="tila-h">{t("survey.rounds.statusHeading")}</h2>
      <p>
        {t("survey.rounds.statusLine", {
          status: t(`survey.rounds.status.${round.status}`),
          start: formatDay(round.fieldworkStart, locale),
          end: formatDay(round.fieldworkEnd, locale),
          channels: round.channels.map((c) => t(`survey.rounds.channel.${c}`)).join(", "),
        })}
      </p>
      {submit.error ? <ProblemAlert error={submit.error} /> : null}
      <p role="status">{submit.data ? t(`survey.rounds.changed.${submit.data.status}`) : ""}</p>
      <button
        type="button"
        className="button"
        onClick={async () => {
          const result = await submit.run((options) => updateRound(round.slug, { status: next }, options));
          if (result.ok) onChanged();
        }}
      >
        {t(`survey.rounds.action.${round.status}`)}
      </button>
      <ScrollTable caption={t("survey.rounds.channelsCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("survey.rounds.columns.channel")}</th>
            <th scope="col">{t("survey.rounds.columns.complete")}</th>
            <th scope="col">{t("survey.rounds.columns.inProgress")}</th>
          </tr>
        </thead>
        <tbody>
          {desk.responsesByChannel.map((c) => (
            <tr key={c.channel}>
              <th scope="row">{t(`survey.rounds.channel.${c.channel}`)}</th>
              <td className="data-table__number">{c.complete}</td>
              <td className="data-table__number">{c.inProgress}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <ScrollTable caption={t("survey.rounds.callsCaption", { count: desk.sampleSize })}>
        <thead>
          <tr>
            <th scope="col">{t("survey.rounds.columns.outcome")}</th>
            <th scope="col">{t("survey.rounds.columns.members")}</th>
          </tr>
        </thead>
        <tbody>
          {desk.callsByOutcome.map((c) => (
            <tr key={c.outcome}>
              <th scope="row">{t(`survey.callStatus.${c.outcome}`)}</th>
              <td className="data-table__number">{c.members}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** The round's title, fieldwork dates, channels and answer rule, editable while the round is run. */
function DetailsSection({ desk, onChanged }: { desk: RoundDesk; onChanged: () => void }) {
  const { t } = useTranslation();
  const { round } = desk;
  const [details, setDetails] = useState<RoundDetails>(() => roundDetailsOf(round));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit<RoundSummary>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = roundDetailsErrors(details, t, "tiedot");
    setErrors(found);
    if (found.length > 0) return;
    const result = await submit.run((options) => updateRound(round.slug, roundDetailsBody(details), options));
    if (result.ok) onChanged();
  }
  return (
    <section className="content-section" aria-labelledby="tiedot-h">
      <h2 id="tiedot-h">{t("survey.rounds.detailsHeading")}</h2>
      <p>{t("survey.rounds.detailsHint")}</p>
      <form className="form form--card" noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} items={errors} attempt={attempt + submit.attempt} />
        <RoundDetailsFields prefix="tiedot" details={details} errors={errors} onChange={setDetails} />
        <p role="status">{submit.status === "success" ? t("survey.rounds.detailsSaved") : ""}</p>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("survey.rounds.saveDetails")}
          </button>
        </div>
      </form>
    </section>
  );
}

function WeightingSection({ desk, onChanged }: { desk: RoundDesk; onChanged: () => void }) {
  const { t } = useTranslation();
  const { round, margins } = desk;
  const [choice, setChoice] = useState<WeightingChoice>({
    method: round.weightingMethod,
    cells: round.poststratCells,
    trim: round.weightTrimMultiplier === null ? "" : String(round.weightTrimMultiplier),
  });
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit<RoundSummary>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = weightingErrors(choice, t, "painotus");
    setErrors(found);
    if (found.length > 0) return;
    const result = await submit.run((options) =>
      updateRound(
        round.slug,
        {
          weightingMethod: choice.method,
          ...(choice.method === "poststratify" ? { poststratCells: choice.cells } : {}),
          weightTrimMultiplier: trimValue(choice),
        },
        options,
      ),
    );
    if (result.ok) onChanged();
  }
  const figures =
    margins.figures === 0
      ? t("survey.rounds.margins.none", { year: margins.year })
      : t("survey.rounds.margins.have", {
          year: margins.year,
          variables: margins.variables.map((v) => t(`survey.domains.${v}`)).join(", "),
          cells:
            margins.cellVariables.length > 0
              ? margins.cellVariables.map((v) => t(`survey.domains.${v}`)).join(" × ")
              : t("survey.rounds.margins.noCells"),
        });
  return (
    <section className="content-section" aria-labelledby="painotus-h">
      <h2 id="painotus-h">{t("survey.rounds.weightingHeading")}</h2>
      <p>{figures}</p>
      <p>{desk.weightingReady ? t("survey.rounds.ready") : t("survey.rounds.notReady")}</p>
      <form className="form form--card" noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} items={errors} attempt={attempt + submit.attempt} />
        <WeightingFields prefix="painotus" choice={choice} errors={errors} onChange={setChoice} />
        <p role="status">{submit.status === "success" ? t("survey.rounds.weightingSaved") : ""}</p>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("survey.rounds.saveWeighting")}
          </button>
        </div>
      </form>
    </section>
  );
}

function MarginsPreviewTable({ preview }: { preview: MarginsPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dash = (value: string | null) => value ?? "–";
  return (
    <ScrollTable
      caption={t(`survey.rounds.margins.previewCaption.${preview.format}`, {
        count: preview.rows.length,
        total: preview.total.toLocaleString(locale),
      })}
    >
      <thead>
        <tr>
          <th scope="col">{t("survey.rounds.columns.row")}</th>
          <th scope="col">{t("survey.domains.age_group")}</th>
          <th scope="col">{t("survey.domains.sex")}</th>
          <th scope="col">{t("survey.domains.area")}</th>
          <th scope="col">{t("survey.rounds.columns.population")}</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((r) => (
          <tr key={r.row}>
            <th scope="row">{r.row}</th>
            <td>{dash(r.ageGroup)}</td>
            <td>{dash(r.sex)}</td>
            <td>{dash(r.area)}</td>
            <td className="data-table__number">{r.population.toLocaleString(locale)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function SamplePreviewTable({ rows }: { rows: SamplePreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable caption={t("survey.rounds.sample.previewCaption", { count: rows.length })}>
      <thead>
        <tr>
          <th scope="col">{t("survey.rounds.columns.row")}</th>
          <th scope="col">{t("survey.rounds.columns.label")}</th>
          <th scope="col">{t("survey.domains.age_group")}</th>
          <th scope="col">{t("survey.domains.sex")}</th>
          <th scope="col">{t("survey.domains.area")}</th>
          <th scope="col">{t("survey.rounds.columns.phone")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <th scope="row">{r.row}</th>
            <td>{r.label}</td>
            <td>{r.ageGroup}</td>
            <td>{r.sex}</td>
            <td>{r.area}</td>
            <td>{r.hasPhone ? t("survey.rounds.yes") : t("survey.rounds.no")}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

// For a mail merge of the invitation letters; the sample's own column names, as in the imported file.
const CODE_FILE_HEADER = ["label", "code"];

function SampleCodes({ slug, codes }: { slug: string; codes: { label: string; code: string }[] }) {
  const { t } = useTranslation();
  const rows = useMemo(() => codes.map((c) => [c.label, c.code]), [codes]);
  return (
    <>
      <p>{t("survey.rounds.sample.imported", { count: codes.length })}</p>
      <p>
        <CsvDownloadLink filename={`${slug}-codes.csv`} header={CODE_FILE_HEADER} rows={rows}>
          {t("survey.rounds.sample.downloadCodes")}
        </CsvDownloadLink>
      </p>
      <ScrollTable caption={t("survey.rounds.sample.codesCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("survey.rounds.columns.label")}</th>
            <th scope="col">{t("survey.rounds.columns.code")}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.label}</th>
              <td>
                <code>{c.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}

const cellKey = (ageGroup: string, area: string) => `${ageGroup}\u0000${area}`;

function QuotaSection({ desk, onChanged }: { desk: RoundDesk; onChanged: () => void }) {
  const { t } = useTranslation();
  const { ageGroups, areas, quotas } = desk;
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(quotas.map((q) => [cellKey(q.ageGroup, q.area), String(q.target)])),
  );
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit<CallList>();
  const fill = (ageGroup: string, area: string) =>
    quotas.find((q) => q.ageGroup === ageGroup && q.area === area)?.completed ?? 0;
  const idOf = (a: number, b: number) => `kiintio-${a}-${b}`;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: SummaryItem[] = [];
    const list: { ageGroup: string; area: string; target: number }[] = [];
    ageGroups.forEach((ageGroup, a) => {
      areas.forEach((area, b) => {
        const text = (targets[cellKey(ageGroup, area)] ?? "").trim();
        if (text === "") return;
        if (!/^\d{1,6}$/.test(text)) {
          found.push({ fieldId: idOf(a, b), message: t("survey.rounds.quotas.invalid", { ageGroup, area }) });
          return;
        }
        list.push({ ageGroup, area, target: Number(text) });
      });
    });
    setErrors(found);
    if (found.length > 0) return;
    const result = await submit.run((options) => saveQuotas(desk.round.slug, list, options));
    if (result.ok) onChanged();
  }
  return (
    <section className="content-section" aria-labelledby="kiintiot-h">
      <h2 id="kiintiot-h">{t("survey.rounds.quotas.heading")}</h2>
      {ageGroups.length === 0 || areas.length === 0 ? (
        <p>{t("survey.rounds.quotas.noCategories")}</p>
      ) : (
        <form className="form form--wide" noValidate onSubmit={onSubmit}>
          <ErrorSummary error={submit.error} items={errors} attempt={attempt + submit.attempt} />
          <p className="field__hint">{t("survey.rounds.quotas.hint")}</p>
          <ScrollTable caption={t("survey.rounds.quotas.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("survey.domains.age_group")}</th>
                {areas.map((area) => (
                  <th scope="col" key={area}>
                    {area}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ageGroups.map((ageGroup, a) => (
                <tr key={ageGroup}>
                  <th scope="row">{ageGroup}</th>
                  {areas.map((area, b) => {
                    const key = cellKey(ageGroup, area);
                    const invalid = errors.some((e) => e.fieldId === idOf(a, b));
                    return (
                      <td key={area}>
                        <label className="visually-hidden" htmlFor={idOf(a, b)}>
                          {t("survey.rounds.quotas.cellLabel", { ageGroup, area })}
                        </label>
                        <input
                          id={idOf(a, b)}
                          className="input survey-quota-input"
                          inputMode="numeric"
                          aria-describedby={`${idOf(a, b)}-fill`}
                          aria-invalid={invalid ? true : undefined}
                          value={targets[key] ?? ""}
                          onChange={(event) => setTargets((all) => ({ ...all, [key]: event.target.value }))}
                        />
                        <span id={`${idOf(a, b)}-fill`} className="survey-quota-fill">
                          {t("survey.rounds.quotas.fill", { count: fill(ageGroup, area) })}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <p role="status">{submit.status === "success" ? t("survey.rounds.quotas.saved") : ""}</p>
          <div className="form__actions">
            <button type="submit" className="button">
              {t("survey.rounds.quotas.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Desk({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const locale = useLocale();
  const desk = useApiResource(`survey-desk:${slug}`, locale, (options) => fetchRoundDesk(slug, options));
  const reload = desk.reload;
  const data = desk.data;
  const title = data ? local(data.round.title) : null;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.survey, label: t("survey.home.title") },
          { to: WEB_ROUTES.surveyStaff, label: t("survey.staff.title") },
          { to: WEB_ROUTES.surveyRounds, label: t("survey.rounds.title") },
        ]}
        current={title?.text ?? slug}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.rounds.title")}</p>
        <PageHeading>
          <span lang={title?.lang}>{title?.text ?? slug}</span>
        </PageHeading>
        {data?.round.isExampleData ? <p className="lead">{t("survey.exampleData")}</p> : null}
      </header>
      <LoadingStatus loading={desk.status === "loading" && !data} />
      {desk.status === "error" ? <ProblemAlert error={desk.error} onRetry={desk.reload} /> : null}
      {data ? (
        <>
          <StatusSection desk={data} onChanged={reload} />
          <DetailsSection desk={data} onChanged={reload} />
          <WeightingSection desk={data} onChanged={reload} />
          <CsvImport
            heading={t("survey.rounds.margins.heading", { year: data.round.year })}
            hint={<p>{t("survey.rounds.margins.hint", { year: data.round.year })}</p>}
            preview={(csv, options) => previewMargins(data.round.year, csv, options)}
            renderPreview={(preview) => <MarginsPreviewTable preview={preview} />}
            apply={(csv, options) =>
              importMargins(data.round.year, csv, t("survey.rounds.margins.source"), options)
            }
            renderApplied={(result) => (
              <p>{t("survey.rounds.margins.imported", { count: result.figures })}</p>
            )}
            onApplied={reload}
          />
          <CsvImport
            heading={t("survey.rounds.sample.heading")}
            hint={<p>{t("survey.rounds.sample.hint")}</p>}
            preview={(csv, options) => previewSample(slug, csv, options)}
            renderPreview={(preview) => <SamplePreviewTable rows={preview.rows} />}
            apply={(csv, options) => importSample(slug, csv, options)}
            renderApplied={(result) => <SampleCodes slug={slug} codes={result.codes} />}
            onApplied={reload}
          />
          <QuotaSection desk={data} onChanged={reload} />
          <p>
            <Link to={surveyResultsPath(slug)}>{t("survey.rounds.resultsLink")}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}

/** One round's desk for staff: open or close it, its weighting, margins and sample imports, quotas, status. */
export function SurveyRoundDeskPage() {
  const { t } = useTranslation();
  const slug = useParams().slug ?? "";
  useDocumentTitle(t("survey.rounds.deskTitle"));
  return (
    <SessionGate title={t("survey.rounds.deskTitle")} roles={["staff", "admin"]}>
      {() => <Desk slug={slug} />}
    </SessionGate>
  );
}
