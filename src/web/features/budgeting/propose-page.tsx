import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import {
  MAX_PROPOSAL_IMAGES,
  type ProposalDetail,
  type ProposalInput,
} from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { submitProposal } from "../../api/budgeting/budgeting.api.ts";
import { useRound } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { MapPicker } from "../../components/map/map-picker.tsx";
import {
  type AttachedPhoto,
  PhotoFields,
  type PhotoFieldsProblem,
  photoAltFieldId,
} from "../../components/photo/photo-fields.tsx";
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
const PHOTOS_ID = "ehdotus-kuvat";

/** The typed coordinates as a map place, or null while they are not both numbers in range. */
function typedPoint(latitude: string, longitude: string): { lat: number; long: number } | null {
  const read = (v: string) =>
    /^\s*-?\d{1,3}([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : Number.NaN;
  const lat = read(latitude);
  const long = read(longitude);
  return Math.abs(lat) <= 90 && Math.abs(long) <= 180 ? { lat, long } : null;
}

/** The field an error of the server belongs to; a photo's errors go to its description or to the picker. */
function fieldIdOf(path: string, photos: readonly AttachedPhoto[]): string {
  const photo = /^\/body\/images\/(\d+)\/altText$/.exec(path);
  const attached = photo ? photos[Number(photo[1])] : undefined;
  if (attached) return photoAltFieldId(PHOTOS_ID, attached);
  if (path.startsWith("/body/images")) return PHOTOS_ID;
  return FIELD_IDS[path] ?? "ehdotus-otsikko";
}

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
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  const [photoProblem, setPhotoProblem] = useState<PhotoFieldsProblem | undefined>();
  // Descriptions found missing at the last try (by photo key); the server checks the same.
  const [altMissing, setAltMissing] = useState<ReadonlySet<number>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));
  const areas = round.data?.areas ?? [];
  const areaId = form.areaId || areas[0]?.id || "";
  const altErrors: Record<number, string> = {};
  photos.forEach((photo, index) => {
    if (altMissing.has(photo.key))
      altErrors[photo.key] = t("budgeting.propose.photoAltMissing", { number: index + 1 });
  });
  const items: SummaryItem[] =
    altMissing.size > 0
      ? photos.flatMap((photo) => {
          const message = altErrors[photo.key];
          return message ? [{ fieldId: photoAltFieldId(PHOTOS_ID, photo), message }] : [];
        })
      : (submit.error?.fields ?? []).map((f) => ({ fieldId: fieldIdOf(f.path, photos), message: f.message }));
  const errorOf = (id: string) => items.find((i) => i.fieldId === id)?.message;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const missing = new Set(photos.filter((p) => p.alt.trim() === "").map((p) => p.key));
    setAltMissing(missing);
    if (missing.size > 0) {
      submit.reset();
      return;
    }
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
    if (photos.length > 0)
      input.images = photos.map((p) => ({ contentType: p.contentType, data: p.data, altText: p.alt.trim() }));
    const result = await submit.run((options) => submitProposal(roundId, input, options));
    if (result.ok) void navigate(budgetingPath("budgetingProposal", result.data.id));
  };
  if (round.status === "error") return <ProblemAlert error={round.error} onRetry={round.reload} />;
  return (
    <>
      <LoadingStatus loading={round.status === "loading"} />
      <form className="form form--card" onSubmit={onSubmit} noValidate>
        <ErrorSummary
          error={altMissing.size > 0 ? undefined : submit.error}
          items={items}
          attempt={submit.attempt + attempt}
        />
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
        <fieldset className="pb-choices">
          <legend>{t("budgeting.propose.placeLegend")}</legend>
          <p className="field__hint">{t("budgeting.propose.mapHint")}</p>
          <MapPicker
            label={t("budgeting.propose.mapLabel")}
            value={typedPoint(form.latitude, form.longitude)}
            onChange={(point) =>
              setForm((f) => ({
                ...f,
                latitude: point ? point.lat.toFixed(6) : "",
                longitude: point ? point.long.toFixed(6) : "",
              }))
            }
          />
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
        </fieldset>
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
        <PhotoFields
          id={PHOTOS_ID}
          textKey="budgeting.propose"
          max={MAX_PROPOSAL_IMAGES}
          className="pb-choices"
          photos={photos}
          setPhotos={setPhotos}
          problem={photoProblem}
          setProblem={setPhotoProblem}
          altRequired
          altErrors={altErrors}
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
