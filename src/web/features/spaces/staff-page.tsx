import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type {
  EventInput,
  EventView,
  SpaceDetail,
  SpaceInput,
  WeeklyInterval,
} from "../../../contracts/spaces.ts";
import {
  createEvent,
  createSpace,
  deleteEvent,
  deleteException,
  fetchSpace,
  fetchSpaces,
  saveException,
  saveWeeklyHours,
  updateEvent,
  updateSpace,
} from "../../api/spaces/spaces.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { BookingQueue } from "./bookings.tsx";
import {
  formatDate,
  formatEventTime,
  formatIntervals,
  fromHelsinkiFields,
  SPACES_PATHS,
  toHelsinkiFields,
  weekdayName,
} from "./spaces-parts.tsx";

const NEW = "new";
// 2026-11-30 is a Monday: adding 0–6 days names each ISO weekday in the interface language.
const WEEKDAY_DATES = [
  "2026-11-30",
  "2026-12-01",
  "2026-12-02",
  "2026-12-03",
  "2026-12-04",
  "2026-12-05",
  "2026-12-06",
];

function text(data: FormData, name: string): string {
  return String(data.get(name) ?? "").trim();
}

/**
 * A text's fields in Finnish (required), Swedish and English, named `<name>Fi`, `<name>Sv`, `<name>En` as
 * `localized` below reads them back.
 */
function LocalizedFields({
  idPrefix,
  name,
  value,
  multiline = false,
}: {
  idPrefix: string;
  name: "description" | "title";
  value: LocalizedText | undefined;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const Field = multiline ? TextAreaField : TextField;
  return (
    <>
      {(["fi", "sv", "en"] as const).map((lang) => {
        const suffix = ({ fi: "Fi", sv: "Sv", en: "En" } as const)[lang];
        return (
          <Field
            key={lang}
            id={`${idPrefix}-${lang}`}
            name={`${name}${suffix}`}
            label={t(`spaces.staff.${name}${suffix}`)}
            defaultValue={value?.[lang] ?? ""}
            required={lang === "fi"}
          />
        );
      })}
    </>
  );
}

function localized(data: FormData, prefix: string): LocalizedText {
  const sv = text(data, `${prefix}Sv`);
  const en = text(data, `${prefix}En`);
  return { fi: text(data, `${prefix}Fi`), ...(sv ? { sv } : {}), ...(en ? { en } : {}) };
}

function optionalText(data: FormData, name: string): LocalizedText | null {
  const fi = text(data, name);
  return fi ? { fi } : null;
}

function SpaceForm({ space, onSaved }: { space: SpaceDetail | null; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const submission = useSubmit<SpaceDetail>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const lat = text(data, "lat");
    const lon = text(data, "lon");
    const input: SpaceInput = {
      name: text(data, "name"),
      description: localized(data, "description"),
      address: text(data, "address"),
      location: lat && lon ? { lat: Number(lat), lon: Number(lon) } : null,
      capacity: Number(text(data, "capacity")),
      accessibility: {
        stepFree: data.get("stepFree") === "on",
        accessibleToilet: data.get("accessibleToilet") === "on",
        inductionLoop: data.get("inductionLoop") === "on",
        notes: optionalText(data, "notes"),
      },
      contact: { email: text(data, "email") || null, phone: text(data, "phone") || null },
      bookable: data.get("bookable") === "on",
    };
    const result = await submission.run((options) =>
      space ? updateSpace(space.id, input, options) : createSpace(input, options),
    );
    if (result.ok) onSaved(result.data.id);
  }
  const key = space?.id ?? NEW;
  return (
    <form
      key={key}
      className="form form--card"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-labelledby="details-heading"
    >
      <h2 id="details-heading">{space ? t("spaces.staff.details") : t("spaces.staff.newSpace")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("spaces.staff.saved") : ""}
      </p>
      <TextField
        id="space-name"
        name="name"
        label={t("spaces.staff.name")}
        defaultValue={space?.name ?? ""}
        required
      />
      <LocalizedFields idPrefix="space-description" name="description" value={space?.description} multiline />
      <TextField
        id="space-address"
        name="address"
        label={t("spaces.space.address")}
        defaultValue={space?.address ?? ""}
        required
      />
      <TextField
        id="space-capacity"
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        label={t("spaces.space.capacity")}
        defaultValue={space ? String(space.capacity) : ""}
        required
      />
      <TextField
        id="space-lat"
        name="lat"
        inputMode="decimal"
        label={t("spaces.staff.lat")}
        hint={t("spaces.staff.mapHint")}
        defaultValue={space?.location ? String(space.location.lat) : ""}
      />
      <TextField
        id="space-lon"
        name="lon"
        inputMode="decimal"
        label={t("spaces.staff.lon")}
        defaultValue={space?.location ? String(space.location.lon) : ""}
      />
      <CheckboxField
        id="space-step-free"
        name="stepFree"
        label={t("spaces.staff.stepFree")}
        defaultChecked={space?.accessibility.stepFree ?? false}
      />
      <CheckboxField
        id="space-toilet"
        name="accessibleToilet"
        label={t("spaces.staff.accessibleToilet")}
        defaultChecked={space?.accessibility.accessibleToilet ?? false}
      />
      <CheckboxField
        id="space-loop"
        name="inductionLoop"
        label={t("spaces.staff.inductionLoop")}
        defaultChecked={space?.accessibility.inductionLoop ?? false}
      />
      <TextAreaField
        id="space-notes"
        name="notes"
        label={t("spaces.staff.accessibilityNotes")}
        defaultValue={space?.accessibility.notes?.fi ?? ""}
      />
      <CheckboxField
        id="space-bookable"
        name="bookable"
        label={t("spaces.staff.bookable")}
        defaultChecked={space?.bookable ?? false}
      />
      <TextField
        id="space-email"
        name="email"
        type="email"
        label={t("spaces.space.email")}
        defaultValue={space?.contact.email ?? ""}
      />
      <TextField
        id="space-phone"
        name="phone"
        type="tel"
        label={t("spaces.space.phone")}
        defaultValue={space?.contact.phone ?? ""}
      />
      <button type="submit" className="button">
        {space ? t("spaces.staff.saveDetails") : t("spaces.staff.create")}
      </button>
    </form>
  );
}

// Rows of the hours editor keep a key of their own, so that removing one keeps the others' inputs in place.
type KeyedInterval = WeeklyInterval & { key: number };
let lastKey = 0;
const nextKey = () => ++lastKey;
const keyed = (list: readonly WeeklyInterval[]): KeyedInterval[] =>
  list.map((i) => ({ ...i, key: nextKey() }));

function HoursForm({ space, onSaved }: { space: SpaceDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [intervals, setIntervals] = useState<KeyedInterval[]>(() => keyed(space.weeklyHours));
  const submission = useSubmit<SpaceDetail>();
  useEffect(() => setIntervals(keyed(space.weeklyHours)), [space.weeklyHours]);
  function change(index: number, field: "opens" | "closes", value: string) {
    setIntervals((list) => list.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  }
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const list = intervals.map(({ key: _key, ...interval }) => interval);
    const result = await submission.run((options) => saveWeeklyHours(space.id, list, options));
    if (result.ok) onSaved();
  }
  return (
    <form
      className="form form--card"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-labelledby="hours-heading"
    >
      <h2 id="hours-heading">{t("spaces.staff.weeklyHours")}</h2>
      <p>{t("spaces.staff.weeklyHint")}</p>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("spaces.staff.saved") : ""}
      </p>
      {WEEKDAY_DATES.map((date, i) => {
        const weekday = i + 1;
        const day = weekdayName(date, locale);
        return (
          <fieldset key={weekday} className="space-hours-day">
            <legend>{day}</legend>
            {intervals.every((item) => item.weekday !== weekday) ? <p>{t("spaces.closed")}</p> : null}
            {intervals.map((item, index) =>
              item.weekday === weekday ? (
                <div key={item.key} className="space-interval">
                  <TextField
                    id={`hours-${index}-opens`}
                    type="time"
                    label={t("spaces.staff.opensOn", { day })}
                    value={item.opens}
                    onChange={(e) => change(index, "opens", e.target.value)}
                  />
                  <TextField
                    id={`hours-${index}-closes`}
                    type="time"
                    label={t("spaces.staff.closesOn", { day })}
                    value={item.closes === "24:00" ? "23:59" : item.closes}
                    onChange={(e) => change(index, "closes", e.target.value)}
                  />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setIntervals((list) => list.filter((_, j) => j !== index))}
                  >
                    {t("spaces.staff.removeInterval", { day, hours: formatIntervals([item], locale, t) })}
                  </button>
                </div>
              ) : null,
            )}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                setIntervals((list) => [
                  ...list,
                  { key: nextKey(), weekday, opens: "10:00", closes: "16:00" },
                ])
              }
            >
              {t("spaces.staff.addInterval", { day })}
            </button>
          </fieldset>
        );
      })}
      <button type="submit" className="button">
        {t("spaces.staff.saveHours")}
      </button>
    </form>
  );
}

function ExceptionsForm({ space, onSaved }: { space: SpaceDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const [closed, setClosed] = useState(true);
  const submission = useSubmit<unknown>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = await submission.run((options) =>
      saveException(
        space.id,
        {
          date: text(data, "date"),
          closed,
          intervals: closed ? [] : [{ opens: text(data, "opens"), closes: text(data, "closes") }],
          reason: optionalText(data, "reason"),
        },
        options,
      ),
    );
    if (result.ok) {
      form.reset();
      setClosed(true);
      onSaved();
    }
  }
  async function remove(id: string) {
    const result = await submission.run((options) => deleteException(space.id, id, options));
    if (result.ok) onSaved();
  }
  return (
    <section className="form form--card" aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">{t("spaces.exceptions.heading")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("spaces.staff.saved") : ""}
      </p>
      {space.exceptions.length === 0 ? <p>{t("spaces.staff.noExceptions")}</p> : null}
      <ul>
        {space.exceptions.map((e) => {
          const reason = e.reason ? local(e.reason) : null;
          const label = `${formatDate(e.date, locale)}: ${formatIntervals(e.closed ? [] : e.intervals, locale, t)}`;
          return (
            <li key={e.id}>
              {label}
              {reason ? <span lang={reason.lang}> ({reason.text})</span> : null}{" "}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void remove(e.id)}
              >
                {t("spaces.staff.removeException", { date: formatDate(e.date, locale) })}
              </button>
            </li>
          );
        })}
      </ul>
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t("spaces.staff.addException")}>
        <TextField id="exception-date" name="date" type="date" label={t("spaces.staff.date")} required />
        <CheckboxField
          id="exception-closed"
          name="closed"
          label={t("spaces.staff.closedAllDay")}
          checked={closed}
          onChange={(e) => setClosed(e.target.checked)}
        />
        {closed ? null : (
          <div className="space-interval">
            <TextField
              id="exception-opens"
              name="opens"
              type="time"
              label={t("spaces.staff.opens")}
              required
            />
            <TextField
              id="exception-closes"
              name="closes"
              type="time"
              label={t("spaces.staff.closes")}
              required
            />
          </div>
        )}
        <TextField
          id="exception-reason"
          name="reason"
          label={t("spaces.staff.reason")}
          hint={t("spaces.staff.reasonHint")}
        />
        <button type="submit" className="button">
          {t("spaces.staff.addException")}
        </button>
      </form>
    </section>
  );
}

function EventsForm({ space, onSaved }: { space: SpaceDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const [editing, setEditing] = useState<EventView | null>(null);
  const [warning, setWarning] = useState(false);
  const submission = useSubmit<unknown>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const date = text(data, "date");
    const input: EventInput = {
      title: localized(data, "title"),
      description: localized(data, "description"),
      startsAt: fromHelsinkiFields(date, text(data, "starts")) ?? "",
      endsAt: fromHelsinkiFields(date, text(data, "ends")) ?? "",
      organiser: text(data, "organiser"),
      price: optionalText(data, "price"),
      signUpUrl: text(data, "signUpUrl") || null,
    };
    const result = await submission.run((options) =>
      editing ? updateEvent(editing.id, input, options) : createEvent(space.id, input, options),
    );
    if (result.ok) {
      setWarning((result.data as { warnings: string[] }).warnings.includes("outside_hours"));
      setEditing(null);
      form.reset();
      onSaved();
    }
  }
  async function remove(id: string) {
    const result = await submission.run((options) => deleteEvent(id, options));
    if (result.ok) onSaved();
  }
  const start = editing ? toHelsinkiFields(editing.startsAt) : null;
  const end = editing ? toHelsinkiFields(editing.endsAt) : null;
  return (
    <section className="form form--card" aria-labelledby="staff-events-heading">
      <h2 id="staff-events-heading">{t("spaces.events.ofSpace")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <div role="status">
        {submission.status === "success" ? (
          <p className={warning ? "notice" : "visually-hidden"}>
            {warning ? t("spaces.staff.outsideHours") : t("spaces.staff.saved")}
          </p>
        ) : null}
      </div>
      {space.events.length === 0 ? <p>{t("spaces.events.none")}</p> : null}
      <ul>
        {space.events.map((e) => {
          const title = local(e.title);
          return (
            <li key={e.id}>
              <span lang={title.lang}>{title.text}</span>, {formatEventTime(e, locale)}{" "}
              <span className="button-row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setEditing(e)}
                >
                  {t("spaces.staff.editEvent", { title: title.text })}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void remove(e.id)}
                >
                  {t("spaces.staff.removeEvent", { title: title.text })}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <form
        key={editing?.id ?? NEW}
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        aria-label={editing ? t("spaces.staff.editEventForm") : t("spaces.staff.addEvent")}
      >
        <h3>{editing ? t("spaces.staff.editEventForm") : t("spaces.staff.addEvent")}</h3>
        <LocalizedFields idPrefix="event-title" name="title" value={editing?.title} />
        <TextAreaField
          id="event-description-fi"
          name="descriptionFi"
          label={t("spaces.staff.descriptionFi")}
          defaultValue={editing?.description.fi ?? ""}
          required
        />
        <TextField
          id="event-date"
          name="date"
          type="date"
          label={t("spaces.staff.date")}
          defaultValue={start?.date ?? ""}
          required
        />
        <div className="space-interval">
          <TextField
            id="event-starts"
            name="starts"
            type="time"
            label={t("spaces.staff.starts")}
            defaultValue={start?.time ?? ""}
            required
          />
          <TextField
            id="event-ends"
            name="ends"
            type="time"
            label={t("spaces.staff.ends")}
            defaultValue={end?.time ?? ""}
            required
          />
        </div>
        <TextField
          id="event-organiser"
          name="organiser"
          label={t("spaces.staff.organiser")}
          hint={t("spaces.staff.organiserHint")}
          defaultValue={editing?.organiser ?? ""}
          required
        />
        <TextField
          id="event-price"
          name="price"
          label={t("spaces.staff.price")}
          hint={t("spaces.staff.priceHint")}
          defaultValue={editing?.price?.fi ?? ""}
        />
        <TextField
          id="event-signup"
          name="signUpUrl"
          type="url"
          label={t("spaces.staff.signUpUrl")}
          hint={t("spaces.staff.signUpHint")}
          defaultValue={editing?.signUpUrl ?? ""}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? t("spaces.staff.saveEvent") : t("spaces.staff.publishEvent")}
          </button>
          {editing ? (
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t("spaces.staff.cancelEdit")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function Desk() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [selected, setSelected] = useState(NEW);
  const spaces = useApiResource("staff-spaces", locale, (options) => fetchSpaces(options));
  const detail = useApiResource(`staff-space:${selected}`, locale, (options) =>
    selected === NEW ? Promise.resolve(null) : fetchSpace(selected, options),
  );
  // A reload keeps the key, so the forms (and what they just said) stay on screen while it loads.
  const refresh = () => {
    spaces.reload();
    detail.reload();
  };
  const space = detail.data ?? null;
  return (
    <>
      <LoadingStatus loading={spaces.status === "loading" && !spaces.data} />
      {spaces.status === "error" ? <ProblemAlert error={spaces.error} onRetry={spaces.reload} /> : null}
      <SelectField
        id="staff-space"
        label={t("spaces.staff.choose")}
        value={selected}
        onChange={(e) => setSelected(e.target.value)}
      >
        <option value={NEW}>{t("spaces.staff.newSpace")}</option>
        {(spaces.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {detail.status === "error" ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}
      {selected === NEW || space ? (
        <SpaceForm
          space={selected === NEW ? null : space}
          onSaved={(id) => {
            if (id === selected) refresh();
            else {
              setSelected(id);
              spaces.reload();
            }
          }}
        />
      ) : null}
      {space && selected !== NEW ? (
        <>
          <HoursForm space={space} onSaved={refresh} />
          <ExceptionsForm space={space} onSaved={refresh} />
          <EventsForm space={space} onSaved={refresh} />
        </>
      ) : null}
    </>
  );
}

/** Staff keep the spaces' details, weekly hours, exceptions and events up to date. */
export function SpacesStaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("spaces.staff.title"));
  return (
    <SessionGate title={t("spaces.staff.title")} roles={["staff", "admin"]}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: SPACES_PATHS.home, label: t("spaces.list.title") }]}
            current={t("spaces.staff.title")}
          />
          <header className="page-header">
            <PageHeading>{t("spaces.staff.title")}</PageHeading>
            <p className="lead">{t("spaces.staff.intro")}</p>
          </header>
          <BookingQueue />
          <Desk />
        </div>
      )}
    </SessionGate>
  );
}
