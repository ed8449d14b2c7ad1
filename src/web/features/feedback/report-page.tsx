import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AddressAttribution } from "../../../contracts/addresses.ts";
import {
  type Channel,
  type CreatedRequest,
  type CreateRequestBody,
  type FeedbackService,
  MAX_DESCRIPTION,
  MAX_PHOTOS,
} from "../../../contracts/feedback.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { fetchNearestAddress } from "../../api/addresses/addresses.api.ts";
import { createRequest } from "../../api/feedback/feedback.api.ts";
import { useFeedbackAreas, useFeedbackServices } from "../../api/feedback/feedback.hooks.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import {
  ErrorSummary,
  SelectField,
  type SummaryItem,
  TextAreaField,
  TextField,
} from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { formatAddress } from "../../components/map/address-format.ts";
import { AddressSearch } from "../../components/map/address-search.tsx";
import { MapPicker } from "../../components/map/map-picker.tsx";
import type { LatLong } from "../../components/map/projection.ts";
import {
  type AttachedPhoto,
  PhotoFields,
  type PhotoFieldsProblem,
} from "../../components/photo/photo-fields.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { hasRole, useSession } from "../identity/session.tsx";
import {
  type AttributeAnswers,
  AttributeFields,
  answersToSend,
  attributeFieldId,
  missingAttributes,
} from "./attribute-fields.tsx";
import {
  areaAt,
  formatDateTime,
  HANDLER_ROLES,
  isoValue,
  parseCoordinate,
  requestPath,
  typedPlace,
} from "./feedback-helpers.ts";
import { CheckboxField } from "./fields.tsx";
import { SERVICE_FIELD_ID, ServicePicker } from "./service-picker.tsx";
import "./feedback.css";

const IDS = {
  description: "feedback-description",
  address: "feedback-address",
  lat: "feedback-lat",
  long: "feedback-long",
  photos: "feedback-photos",
  email: "feedback-email",
} as const;

// A deliberately loose check: the server validates the address; this only catches obvious typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The confirmation after a report: the reference, the promise and the way to follow the request. */
function Confirmation({
  created,
  service,
  hasEmail,
  onAnother,
}: {
  created: CreatedRequest;
  service: FeedbackService | undefined;
  hasEmail: boolean;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const name = service ? localize(service.name) : undefined;
  return (
    <section className="feedback-confirmation" aria-labelledby="feedback-confirmation-heading">
      <h2 id="feedback-confirmation-heading" ref={ref} tabIndex={-1}>
        {t("feedback.confirmation.heading")}
      </h2>
      <p>{t("feedback.confirmation.reference")}</p>
      <p className="feedback-reference" data-testid="feedback-reference">
        {created.reference}
      </p>
      {name ? (
        <p>
          {t("feedback.confirmation.service")} <span lang={name.lang}>{name.text}</span>
        </p>
      ) : null}
      <p className="lead">
        {t("feedback.confirmation.promise")}{" "}
        <strong>
          <time dateTime={isoValue(created.expectedFirstResponseAt)}>
            {formatDateTime(created.expectedFirstResponseAt, locale)}
          </time>
        </strong>
      </p>
      <p>{hasEmail ? t("feedback.confirmation.emailYes") : t("feedback.confirmation.emailNo")}</p>
      <div className="button-row">
        <Link to={requestPath(created.reference)} className="button">
          {t("feedback.confirmation.statusLink")}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t("feedback.confirmation.another")}
        </button>
      </div>
    </section>
  );
}

type Errors = Partial<Record<"service" | "description" | "lat" | "long" | "email", string>>;

const STAFF_CHANNELS: Channel[] = ["web", "phone", "email", "desk"];

/** For staff: which channel the request came through, and the caller's name and phone if they gave them. */
function StaffChannelFields({
  channel,
  setChannel,
  name,
  setName,
  phone,
  setPhone,
}: {
  channel: Channel;
  setChannel: (channel: Channel) => void;
  name: string;
  setName: (name: string) => void;
  phone: string;
  setPhone: (phone: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="feedback-fieldset">
      <legend className="feedback-fieldset__legend">{t("feedback.report.staffLegend")}</legend>
      <p className="field__hint">{t("feedback.report.staffHint")}</p>
      <SelectField
        id="feedback-channel"
        label={t("feedback.report.channel")}
        value={channel}
        onChange={(event) => setChannel(event.target.value as Channel)}
      >
        {STAFF_CHANNELS.map((value) => (
          <option key={value} value={value}>
            {t(`feedback.channel.${value}`)}
          </option>
        ))}
      </SelectField>
      {channel !== "web" ? (
        <>
          <TextField
            id="feedback-reporter-name"
            label={t("feedback.optional", { label: t("feedback.report.reporterName") })}
            value={name}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            id="feedback-reporter-phone"
            type="tel"
            label={t("feedback.optional", { label: t("feedback.report.reporterPhone") })}
            value={phone}
            maxLength={40}
            autoComplete="off"
            onChange={(event) => setPhone(event.target.value)}
          />
        </>
      ) : null}
    </fieldset>
  );
}

/** Reporting a problem or giving feedback, with or without an account. */
export function FeedbackReportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const services = useFeedbackServices();
  const areas = useFeedbackAreas();
  const submission = useSubmit<CreatedRequest>();
  const formId = useId();
  const [serviceCode, setServiceCode] = useState("");
  const [answers, setAnswers] = useState<AttributeAnswers>({});
  const [description, setDescription] = useState("");
  const [address, setAddress] = useState("");
  // Whether the address text came from the register (a pick or the nearest to a map point) rather than
  // the resident's own typing: only such text is replaced when another place is chosen on the map.
  const [addressFilled, setAddressFilled] = useState(false);
  const [addressCredit, setAddressCredit] = useState<AddressAttribution | null>(null);
  const [filledAnnouncement, setFilledAnnouncement] = useState("");
  const nearestRequest = useRef<AbortController | undefined>(undefined);
  const [lat, setLat] = useState("");
  const [long, setLong] = useState("");
  const [locating, setLocating] = useState<"idle" | "busy" | "failed" | "done">("idle");
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  const [photoProblem, setPhotoProblem] = useState<PhotoFieldsProblem | undefined>();
  const [email, setEmail] = useState("");
  const [publishConsent, setPublishConsent] = useState(false);
  const [channel, setChannel] = useState<Channel>("web");
  const [reporterName, setReporterName] = useState("");
  const [reporterPhone, setReporterPhone] = useState("");
  const { info } = useSession();
  const isStaff = hasRole(info?.person, ...HANDLER_ROLES);
  const [errors, setErrors] = useState<Errors>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<{ request: CreatedRequest; hasEmail: boolean } | undefined>();

  useDocumentTitle(t("feedback.report.title"));
  const service = services.data?.find((s) => s.code === serviceCode);
  const attributes = service?.attributes ?? [];

  /** Fills the address text with the nearest address to a map point, unless the resident typed their own. */
  function fillNearestAddress(point: LatLong) {
    if (address.trim() !== "" && !addressFilled) return;
    nearestRequest.current?.abort();
    const controller = new AbortController();
    nearestRequest.current = controller;
    fetchNearestAddress(point, { locale, signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (!result.address) {
          // An address filled in for the previous place would now name the wrong one.
          if (addressFilled) {
            setAddress("");
            setAddressFilled(false);
            setFilledAnnouncement(t("addressSearch.noneNear"));
          }
          return;
        }
        const text = formatAddress(result.address, locale);
        setAddress(text);
        setAddressFilled(true);
        setAddressCredit(result.attribution);
        setFilledAnnouncement(
          t("addressSearch.filled", { address: text, distance: result.distanceMetres ?? 0 }),
        );
      },
      // Without the register the map point alone is enough: the address stays as it was.
      () => undefined,
    );
  }

  function locate() {
    if (!("geolocation" in navigator)) {
      setLocating("failed");
      return;
    }
    setLocating("busy");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLat(position.coords.latitude.toFixed(6));
        setLong(position.coords.longitude.toFixed(6));
        setLocating("done");
      },
      () => setLocating("failed"),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  function validate(): { errors: Errors; missing: Set<string> } {
    const found: Errors = {};
    if (!service) found.service = t("feedback.report.errors.service");
    if (description.trim() === "") found.description = t("feedback.report.errors.description");
    else if (description.length > MAX_DESCRIPTION)
      found.description = t("feedback.report.errors.descriptionLong", { max: MAX_DESCRIPTION });
    if (lat.trim() !== "" || long.trim() !== "") {
      if (parseCoordinate(lat, 90) === undefined) found.lat = t("feedback.report.errors.lat");
      if (parseCoordinate(long, 180) === undefined) found.long = t("feedback.report.errors.long");
    }
    if (email.trim() !== "" && !EMAIL_PATTERN.test(email.trim()))
      found.email = t("feedback.report.errors.email");
    return { errors: found, missing: new Set(missingAttributes(attributes, answers).map((a) => a.code)) };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const checked = validate();
    setErrors(checked.errors);
    setMissing(checked.missing);
    if (Object.keys(checked.errors).length > 0 || checked.missing.size > 0 || !service) {
      submission.reset();
      return;
    }
    const latitude = parseCoordinate(lat, 90);
    const longitude = parseCoordinate(long, 180);
    const place = address.trim();
    const body: CreateRequestBody = {
      serviceCode: service.code,
      description: description.trim(),
      location:
        latitude !== undefined && longitude !== undefined
          ? { lat: latitude, long: longitude, ...(place ? { address: place } : {}) }
          : place
            ? { address: place }
            : null,
      publishConsent,
      locale,
      ...(isStaff && channel !== "web"
        ? {
            channel,
            ...(reporterName.trim() ? { name: reporterName.trim() } : {}),
            ...(reporterPhone.trim() ? { phone: reporterPhone.trim() } : {}),
          }
        : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(attributes.length > 0 ? { attributes: answersToSend(attributes, answers) } : {}),
      ...(photos.length > 0
        ? {
            photos: photos.map((p) => ({
              contentType: p.contentType,
              data: p.data,
              ...(p.alt.trim() ? { altText: p.alt.trim() } : {}),
            })),
          }
        : {}),
    };
    const result = await submission.run((options) => createRequest(body, options));
    if (result.ok) setCreated({ request: result.data, hasEmail: Boolean(body.email) });
  }

  function startAnother() {
    setCreated(undefined);
    setServiceCode("");
    setAnswers({});
    setDescription("");
    setAddress("");
    setLat("");
    setLong("");
    setPhotos([]);
    setEmail("");
    setPublishConsent(false);
    setReporterName("");
    setReporterPhone("");
    setErrors({});
    setMissing(new Set());
    submission.reset();
  }

  // Fields the server refused, when the browser's own check let them through.
  const serverFields = problemFieldNames(submission.error, [
    "description",
    "email",
    "serviceCode",
    "location",
  ]);
  const shownErrors: Errors = { ...errors };
  if (serverFields.includes("description"))
    shownErrors.description ??= t("feedback.report.errors.description");
  if (serverFields.includes("email")) shownErrors.email ??= t("feedback.report.errors.email");
  if (serverFields.includes("serviceCode")) shownErrors.service ??= t("feedback.report.errors.service");
  const items: SummaryItem[] = [
    ...(shownErrors.service ? [{ fieldId: SERVICE_FIELD_ID, message: shownErrors.service }] : []),
    ...attributes
      .filter((a) => missing.has(a.code))
      .map((a) => ({ fieldId: attributeFieldId(a.code), message: t("feedback.report.errors.question") })),
    ...(shownErrors.description ? [{ fieldId: IDS.description, message: shownErrors.description }] : []),
    ...(shownErrors.lat ? [{ fieldId: IDS.lat, message: shownErrors.lat }] : []),
    ...(shownErrors.long ? [{ fieldId: IDS.long, message: shownErrors.long }] : []),
    ...(shownErrors.email ? [{ fieldId: IDS.email, message: shownErrors.email }] : []),
  ];

  return (
    <div className="container page page--narrow">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.feedback, label: t("feedback.list.title") }]}
        current={t("feedback.report.title")}
      />
      <header className="page-header">
        <PageHeading>{t("feedback.report.title")}</PageHeading>
        <p className="lead">{t("feedback.report.lead")}</p>
      </header>
      {created ? (
        <Confirmation
          created={created.request}
          service={service}
          hasEmail={created.hasEmail}
          onAnother={startAnother}
        />
      ) : (
        <>
          <LoadingStatus loading={services.status === "loading"} />
          {services.status === "error" ? (
            <ProblemAlert error={services.error} onRetry={services.reload} />
          ) : null}
          {services.data && services.data.length === 0 ? (
            <p className="notice">{t("feedback.report.noServices")}</p>
          ) : null}
          {services.data && services.data.length > 0 ? (
            <>
              <ErrorSummary error={submission.error} items={items} attempt={attempt} />
              <form id={formId} className="form feedback-form" noValidate onSubmit={(e) => void onSubmit(e)}>
                {isStaff ? (
                  <StaffChannelFields
                    channel={channel}
                    setChannel={setChannel}
                    name={reporterName}
                    setName={setReporterName}
                    phone={reporterPhone}
                    setPhone={setReporterPhone}
                  />
                ) : null}
                <ServicePicker
                  services={services.data}
                  value={serviceCode}
                  onChange={(code) => {
                    setServiceCode(code);
                    setMissing(new Set());
                  }}
                  error={shownErrors.service}
                />
                {service ? (
                  <p className="feedback-promise">
                    {t("feedback.report.promise", { hours: service.firstResponseHours })}
                  </p>
                ) : null}
                <AttributeFields
                  attributes={attributes}
                  answers={answers}
                  missing={missing}
                  onChange={(code, value) => setAnswers((current) => ({ ...current, [code]: value }))}
                />
                <TextAreaField
                  id={IDS.description}
                  label={t("feedback.report.description")}
                  hint={t("feedback.report.descriptionHint", { max: MAX_DESCRIPTION })}
                  error={shownErrors.description}
                  value={description}
                  rows={6}
                  maxLength={MAX_DESCRIPTION}
                  onChange={(event) => setDescription(event.target.value)}
                />
                <fieldset className="feedback-fieldset">
                  <legend className="feedback-fieldset__legend">{t("feedback.report.locationLegend")}</legend>
                  <p className="field__hint">{t("feedback.report.locationHint")}</p>
                  <AddressSearch
                    id={IDS.address}
                    label={t("feedback.optional", { label: t("feedback.report.address") })}
                    hint={t("feedback.report.addressHint")}
                    value={address}
                    attribution={addressCredit}
                    onChange={(text) => {
                      setAddress(text);
                      setAddressFilled(false);
                    }}
                    onPick={(hit) => {
                      setLat(hit.lat.toFixed(6));
                      setLong(hit.long.toFixed(6));
                      setAddressFilled(true);
                    }}
                  />
                  <MapPicker
                    label={t("feedback.report.mapLabel")}
                    value={typedPlace(lat, long)}
                    onChange={(point) => {
                      setLat(point ? point.lat.toFixed(6) : "");
                      setLong(point ? point.long.toFixed(6) : "");
                      if (point) fillNearestAddress(point);
                    }}
                    describePlace={(point) => {
                      const area = areaAt(areas.data ?? [], point);
                      return area ? localize(area.name).text : undefined;
                    }}
                  />
                  <p className="visually-hidden" role="status">
                    {filledAnnouncement}
                  </p>
                  <details
                    className="disclosure feedback-coordinates"
                    open={Boolean(lat || long) || undefined}
                  >
                    <summary className="disclosure__summary">
                      {t("feedback.report.coordinatesSummary")}
                    </summary>
                    <div className="disclosure__body">
                      <p className="field__hint">{t("feedback.report.coordinatesHint")}</p>
                      <div className="feedback-coordinates__fields">
                        <TextField
                          id={IDS.lat}
                          label={t("feedback.report.lat")}
                          error={shownErrors.lat}
                          value={lat}
                          inputMode="decimal"
                          onChange={(event) => setLat(event.target.value)}
                        />
                        <TextField
                          id={IDS.long}
                          label={t("feedback.report.long")}
                          error={shownErrors.long}
                          value={long}
                          inputMode="decimal"
                          onChange={(event) => setLong(event.target.value)}
                        />
                      </div>
                      <button type="button" className="button button--secondary" onClick={locate}>
                        {t("feedback.report.useMyLocation")}
                      </button>
                      <p className="feedback-muted" aria-live="polite">
                        {locating === "idle" ? "" : t(`feedback.report.locating.${locating}`)}
                      </p>
                    </div>
                  </details>
                </fieldset>
                <PhotoFields
                  id={IDS.photos}
                  textKey="feedback.report"
                  max={MAX_PHOTOS}
                  className="feedback-fieldset"
                  legendClassName="feedback-fieldset__legend"
                  photos={photos}
                  setPhotos={setPhotos}
                  problem={photoProblem}
                  setProblem={setPhotoProblem}
                />
                <fieldset className="feedback-fieldset">
                  <legend className="feedback-fieldset__legend">{t("feedback.report.contactLegend")}</legend>
                  <TextField
                    id={IDS.email}
                    type="email"
                    label={t("feedback.optional", { label: t("feedback.report.email") })}
                    hint={t("feedback.report.emailHint")}
                    error={shownErrors.email}
                    value={email}
                    autoComplete="email"
                    maxLength={254}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                  <CheckboxField
                    id="feedback-publish"
                    label={t("feedback.report.publish")}
                    hint={t("feedback.report.publishHint")}
                    checked={publishConsent}
                    onChange={(event) => setPublishConsent(event.target.checked)}
                  />
                </fieldset>
                <p className="field__hint">{t("feedback.report.privacy")}</p>
                <div className="form__actions">
                  <button type="submit" className="button">
                    {submission.status === "pending"
                      ? t("feedback.report.sending")
                      : t("feedback.report.send")}
                  </button>
                </div>
              </form>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
