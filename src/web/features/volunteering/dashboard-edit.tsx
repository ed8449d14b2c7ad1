import type { TFunction } from "i18next";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import {
  AREAS,
  type Area,
  type GroupHoursView,
  type HoursView,
  type OpportunityChangeResult,
  type OpportunityView,
  type ShiftChangeResult,
  type ShiftView,
  SKILLS,
  type Skill,
} from "../../../contracts/volunteering.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  recordGroupHours,
  recordHours,
  removeGroupHours,
  updateOpportunity,
  updateShift,
} from "../../api/volunteering/volunteering.api.ts";
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/form.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { ChoiceGroup, formatHours, formatShift } from "./volunteering-parts.tsx";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const HELSINKI_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });
const HELSINKI_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as the date and time fields show it: Helsinki wall-clock time ("2026-12-05", "10:00"). */
function helsinkiFields(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return { date: HELSINKI_DATE.format(at), time: HELSINKI_TIME.format(at) };
}

/** Hours typed with a comma or a point ("1,5"), as minutes; NaN when not a number. */
function minutesOf(hours: string): number {
  const value = Number(hours.trim().replace(",", "."));
  return hours.trim() === "" ? Number.NaN : Math.round(value * 60);
}

/** What a change did, said once above the task's shifts (a polite live region, visible to everyone). */
export function ChangeStatus({ message, id }: { message: string; id: string }) {
  return (
    <div id={id} role="status" tabIndex={-1} className={message ? "notice notice--success" : undefined}>
      {message}
    </div>
  );
}

/**
 * A representative records hours for a confirmed volunteer of a started shift (someone without an account, or
 * who forgot): the hours are confirmed at once by the representative, and the server audits it.
 */
export function RecordHoursForm({
  signupId,
  name,
  onDone,
}: {
  signupId: string;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmit<HoursView>();
  const [hours, setHours] = useState("");
  const [bad, setBad] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const id = `record-${signupId}`;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const value = Number(hours.replace(",", "."));
    const wrong = !Number.isFinite(value) || value < 0.25 || value > 24;
    setBad(wrong);
    if (wrong) return submission.reset();
    const result = await submission.run((options) =>
      recordHours(signupId, { minutes: Math.round(value * 60) }, options),
    );
    if (result.ok) {
      setHours("");
      onDone();
    }
  }
  return (
    <form
      className="form form--inline record-hours"
      noValidate
      aria-label={t("volunteering.dashboard.recordFor", { name })}
      onSubmit={(event) => void onSubmit(event)}
    >
      <ErrorSummary
        error={submission.error}
        items={bad ? [{ fieldId: id, message: t("volunteering.errors.hours") }] : []}
        attempt={attempt}
      />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("volunteering.dashboard.recorded", { name }) : ""}
      </p>
      <TextField
        id={id}
        inputMode="decimal"
        maxLength={5}
        label={t("volunteering.dashboard.recordLabel", { name })}
        value={hours}
        error={bad ? t("volunteering.errors.hours") : undefined}
        onChange={(event) => setHours(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--small">
          {t("volunteering.dashboard.record")}
        </button>
      </div>
    </form>
  );
}

/**
 * Changes one shift's date, times and places. Only what changed is sent: a new time goes to everyone signed up
 * by e-mail, and the answer (how many were told, who now has another shift at the same time) is said above.
 */
/** A shift's date, times and places as typed, the same in the add and edit forms. */
export type ShiftTimes = { date: string; start: string; end: string; places: string };

/** The ids (`<prefix>-date`, `-start`, `-end`, `-places`) of the shift fields that are not valid. */
export function wrongShiftFields(p: string, v: ShiftTimes): string[] {
  const places = Number(v.places);
  return [
    ...(!DATE.test(v.date) ? [`${p}-date`] : []),
    ...(!TIME.test(v.start) ? [`${p}-start`] : []),
    ...(!TIME.test(v.end) ? [`${p}-end`] : []),
    ...(!Number.isInteger(places) || places < 1 || places > 1000 ? [`${p}-places`] : []),
  ];
}

/** The date, start, end and places fields of a shift form, with ids from `p`. */
export function ShiftTimeFields({
  p,
  v,
  placesHint,
  error,
  onChange,
}: {
  p: string;
  v: ShiftTimes;
  placesHint?: string;
  error: (id: string) => string | undefined;
  onChange: (key: keyof ShiftTimes, value: string) => void;
}) {
  const { t } = useTranslation();
  const set = (key: keyof ShiftTimes) => (event: { target: { value: string } }) =>
    onChange(key, event.target.value);
  return (
    <>
      <TextField
        id={`${p}-date`}
        type="date"
        label={t("volunteering.dashboard.date")}
        value={v.date}
        error={error(`${p}-date`)}
        onChange={set("date")}
      />
      <TextField
        id={`${p}-start`}
        type="time"
        label={t("volunteering.dashboard.start")}
        value={v.start}
        error={error(`${p}-start`)}
        onChange={set("start")}
      />
      <TextField
        id={`${p}-end`}
        type="time"
        label={t("volunteering.dashboard.end")}
        value={v.end}
        error={error(`${p}-end`)}
        onChange={set("end")}
      />
      <TextField
        id={`${p}-places`}
        inputMode="numeric"
        label={t("volunteering.dashboard.places")}
        hint={placesHint}
        maxLength={4}
        value={v.places}
        error={error(`${p}-places`)}
        onChange={set("places")}
      />
    </>
  );
}

export function EditShiftForm({
  shift,
  onDone,
  onClose,
}: {
  shift: ShiftView;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submission = useSubmit<ShiftChangeResult>();
  const start = helsinkiFields(shift.startsAt);
  const end = helsinkiFields(shift.endsAt);
  const initial = { date: start.date, start: start.time, end: end.time, places: String(shift.places) };
  const [v, setV] = useState(initial);
  const [bad, setBad] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const p = `edit-shift-${shift.id.slice(-8)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the form once, when it opens.
  useEffect(() => document.getElementById(`${p}-date`)?.focus(), []);
  const when = formatShift(shift, locale);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const places = Number(v.places);
    const wrong = wrongShiftFields(p, v);
    setBad(wrong);
    if (wrong.length > 0) return submission.reset();
    const timeChanged = v.date !== initial.date || v.start !== initial.start || v.end !== initial.end;
    const changes = {
      ...(places !== shift.places ? { places } : {}),
      ...(timeChanged ? { date: v.date, startTime: v.start, endTime: v.end } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    const result = await submission.run((options) => updateShift(shift.id, changes, options));
    if (!result.ok) return;
    const r = result.data;
    const parts = [t("volunteering.edit.shiftSaved", { when: formatShift(r, locale) })];
    if (timeChanged) parts.push(t("volunteering.edit.told", { count: r.notified }));
    if (r.promoted > 0) parts.push(t("volunteering.edit.promoted", { count: r.promoted }));
    if (r.clashes.length > 0) parts.push(t("volunteering.edit.clashes", { names: r.clashes.join(", ") }));
    onDone(parts.join(" "));
  }
  const message = (id: string) => (bad.includes(id) ? t("volunteering.errors.shiftField") : undefined);
  return (
    <form
      className="form form--inline edit-form"
      noValidate
      aria-label={t("volunteering.edit.shiftFormFor", { when })}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h5>{t("volunteering.edit.shiftFormFor", { when })}</h5>
      <p className="field__hint">{t("volunteering.edit.shiftHint")}</p>
      <ErrorSummary
        error={submission.error}
        items={bad.map((id) => ({ fieldId: id, message: t("volunteering.errors.shiftField") }))}
        attempt={attempt}
      />
      <ShiftTimeFields
        p={p}
        v={v}
        placesHint={t("volunteering.edit.placesHint", { count: shift.confirmed })}
        error={message}
        onChange={(key, value) => setV((x) => ({ ...x, [key]: value }))}
      />
      <div className="form__actions button-row">
        <button type="submit" className="button">
          {t("volunteering.edit.saveShift")}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("volunteering.edit.close")}
        </button>
      </div>
    </form>
  );
}

/** Asks before a shift is cancelled (everyone signed up is mailed), then says how many were told. */
export function CancelShiftConfirm({
  shift,
  onDone,
  onClose,
}: {
  shift: ShiftView;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submission = useSubmit<ShiftChangeResult>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const when = formatShift(shift, locale);
  async function cancel() {
    const result = await submission.run((options) => updateShift(shift.id, { cancelled: true }, options));
    if (result.ok)
      onDone(
        `${t("volunteering.edit.cancelled", { when })} ${t("volunteering.edit.told", { count: result.data.notified })}`,
      );
  }
  return (
    <section className="notice-card edit-form" aria-labelledby={`cancel-${shift.id}`}>
      <h5 id={`cancel-${shift.id}`} ref={heading} tabIndex={-1}>
        {t("volunteering.edit.cancelQuestion", { when })}
      </h5>
      <p>{t("volunteering.edit.cancelWho", { count: shift.confirmed + shift.waitlisted })}</p>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void cancel()}>
          {t("volunteering.edit.cancelYes")}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("volunteering.edit.cancelNo")}
        </button>
      </div>
    </section>
  );
}

/** One text as typed in the three language fields. */
export type Texts = { fi: string; sv: string; en: string };
/** Empty language fields. */
export const NO_TEXTS: Texts = { fi: "", sv: "", en: "" };
const textsOf = (text: LocalizedText | null): Texts => ({
  fi: text?.fi ?? "",
  sv: text?.sv ?? "",
  en: text?.en ?? "",
});
/** Finnish required, Swedish and English sent only when written (they fall back to Finnish). */
export const localized = (texts: Texts): LocalizedText => ({
  fi: texts.fi.trim(),
  ...(texts.sv.trim() ? { sv: texts.sv.trim() } : {}),
  ...(texts.en.trim() ? { en: texts.en.trim() } : {}),
});

/** Three fields of one text in Finnish, Swedish and English, grouped under a legend. */
export function LanguageFields({
  id,
  legend,
  value,
  multiline,
  maxLength,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  value: Texts;
  multiline?: boolean;
  maxLength: number;
  error?: string | undefined;
  onChange: (next: Texts) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{legend}</legend>
      {(["fi", "sv", "en"] as const).map((lang) => {
        const props = {
          id: `${id}-${lang}`,
          label: t(`volunteering.edit.lang.${lang}`),
          lang,
          maxLength,
          value: value[lang],
          error: lang === "fi" ? error : undefined,
          onChange: (event: { target: { value: string } }) =>
            onChange({ ...value, [lang]: event.target.value }),
        };
        return multiline ? (
          <TextAreaField key={lang} rows={3} {...props} />
        ) : (
          <TextField key={lang} {...props} />
        );
      })}
    </fieldset>
  );
}

/**
 * Edits a task's facts: texts in three languages, area (or remote) and place, skills, age limit, accessibility,
 * the record-extract need and the contact. A new place or area is mailed to those signed up (the answer says
 * to how many); the rest shows on the task's page at once.
 */
/** A task's own details as typed: the same in the publish form and the edit form. */
export interface TaskDetails {
  title: Texts;
  description: Texts;
  accessibility: Texts;
  skills: Skill[];
  area: string;
  place: string;
  minAge: string;
  contactName: string;
  contactEmail: string;
  record: boolean;
}

/** An empty task for the publish form. */
export const NEW_TASK: TaskDetails = {
  title: NO_TEXTS,
  description: NO_TEXTS,
  accessibility: NO_TEXTS,
  skills: [],
  area: "keskusta",
  place: "",
  minAge: "",
  contactName: "",
  contactEmail: "",
  record: false,
};

/** A task's details as saved, for the edit form. */
export function taskDetailsOf(opportunity: OpportunityView): TaskDetails {
  return {
    title: textsOf(opportunity.title),
    description: textsOf(opportunity.description),
    accessibility: textsOf(opportunity.accessibility),
    skills: opportunity.skills,
    area: opportunity.area,
    place: opportunity.place,
    minAge: opportunity.minAge === null ? "" : String(opportunity.minAge),
    contactName: opportunity.contactName,
    contactEmail: opportunity.contactEmail,
    record: opportunity.needsRecordExtract,
  };
}

function minAgeOf(details: TaskDetails): number | null {
  return details.minAge.trim() === "" ? null : Number(details.minAge);
}

/** The ids (`<prefix>-title-fi`, `-description-fi`, `-place`, `-age`, `-contact`, `-email`) of wrong fields. */
export function wrongTaskFields(p: string, d: TaskDetails): string[] {
  const age = minAgeOf(d);
  return [
    ...(d.title.fi.trim() === "" ? [`${p}-title-fi`] : []),
    ...(d.description.fi.trim() === "" ? [`${p}-description-fi`] : []),
    ...(d.place.trim() === "" ? [`${p}-place`] : []),
    ...(age !== null && (!Number.isInteger(age) || age < 0 || age > 99) ? [`${p}-age`] : []),
    ...(d.contactName.trim() === "" ? [`${p}-contact`] : []),
    ...(!EMAIL.test(d.contactEmail.trim()) ? [`${p}-email`] : []),
  ];
}

/** What to say of each wrong task field, by id. */
export function taskFieldMessages(p: string, t: TFunction): Record<string, string> {
  return {
    [`${p}-title-fi`]: t("volunteering.errors.titleRequired"),
    [`${p}-description-fi`]: t("volunteering.errors.descriptionRequired"),
    [`${p}-place`]: t("volunteering.errors.placeRequired"),
    [`${p}-age`]: t("volunteering.errors.minAge"),
    [`${p}-contact`]: t("volunteering.errors.nameRequired"),
    [`${p}-email`]: t("volunteering.errors.emailRequired"),
  };
}

/** The details as the API takes them, when creating a task and when changing one. */
export function taskBody(d: TaskDetails) {
  return {
    title: localized(d.title),
    description: localized(d.description),
    skills: d.skills,
    area: d.area as Area,
    place: d.place.trim(),
    minAge: minAgeOf(d),
    accessibility: d.accessibility.fi.trim() ? localized(d.accessibility) : null,
    needsRecordExtract: d.record,
    contactName: d.contactName.trim(),
    contactEmail: d.contactEmail.trim(),
  };
}

/** A task's fields, with ids from `p`; `afterDescription` holds what a form asks beside them (themes). */
export function TaskDetailsFields({
  p,
  d,
  err,
  areaHint,
  afterDescription,
  onChange,
}: {
  p: string;
  d: TaskDetails;
  err: (id: string) => string | undefined;
  areaHint?: string;
  afterDescription?: ReactNode;
  onChange: (update: (d: TaskDetails) => TaskDetails) => void;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof TaskDetails>(key: K) =>
    (value: TaskDetails[K]) =>
      onChange((x) => ({ ...x, [key]: value }));
  const setText =
    (key: "area" | "place" | "minAge" | "contactName" | "contactEmail") =>
    (event: { target: { value: string } }) =>
      set(key)(event.target.value);
  return (
    <>
      <LanguageFields
        id={`${p}-title`}
        legend={t("volunteering.dashboard.titleLabel")}
        value={d.title}
        maxLength={200}
        error={err(`${p}-title-fi`)}
        onChange={set("title")}
      />
      <LanguageFields
        id={`${p}-description`}
        legend={t("volunteering.dashboard.description")}
        value={d.description}
        multiline
        maxLength={2000}
        error={err(`${p}-description-fi`)}
        onChange={set("description")}
      />
      {afterDescription}
      <ChoiceGroup
        id={`${p}-skills`}
        legend={t("volunteering.dashboard.skills")}
        options={SKILLS}
        chosen={d.skills}
        label={(x) => t(`volunteering.skills.${x}`)}
        onChange={set("skills")}
      />
      <SelectField
        id={`${p}-area`}
        label={t("volunteering.facts.area")}
        hint={areaHint}
        value={d.area}
        onChange={setText("area")}
      >
        {AREAS.map((a) => (
          <option key={a} value={a}>
            {t(`volunteering.areas.${a}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${p}-place`}
        label={t("volunteering.facts.place")}
        maxLength={200}
        value={d.place}
        error={err(`${p}-place`)}
        onChange={setText("place")}
      />
      <TextField
        id={`${p}-age`}
        label={t("volunteering.dashboard.minAge")}
        hint={t("volunteering.dashboard.minAgeHint")}
        inputMode="numeric"
        maxLength={2}
        value={d.minAge}
        error={err(`${p}-age`)}
        onChange={setText("minAge")}
      />
      <LanguageFields
        id={`${p}-accessibility`}
        legend={t("volunteering.facts.accessibility")}
        value={d.accessibility}
        maxLength={500}
        onChange={set("accessibility")}
      />
      <CheckboxField
        id={`${p}-record`}
        label={t("volunteering.dashboard.recordExtract")}
        checked={d.record}
        onChange={(event) => set("record")(event.target.checked)}
      />
      <TextField
        id={`${p}-contact`}
        label={t("volunteering.dashboard.contactName")}
        maxLength={100}
        value={d.contactName}
        error={err(`${p}-contact`)}
        onChange={setText("contactName")}
      />
      <TextField
        id={`${p}-email`}
        type="email"
        label={t("volunteering.dashboard.contactEmail")}
        maxLength={254}
        value={d.contactEmail}
        error={err(`${p}-email`)}
        onChange={setText("contactEmail")}
      />
    </>
  );
}

export function EditTaskForm({
  opportunity,
  onDone,
  onClose,
}: {
  opportunity: OpportunityView;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmit<OpportunityChangeResult>();
  const p = `edit-task-${opportunity.id.slice(-8)}`;
  const [details, setDetails] = useState(() => taskDetailsOf(opportunity));
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const messages = taskFieldMessages(p, t);
  const err = (id: string) => (missing.includes(id) ? messages[id] : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const lacking = wrongTaskFields(p, details);
    setMissing(lacking);
    if (lacking.length > 0) return submission.reset();
    const result = await submission.run((options) =>
      updateOpportunity(opportunity.id, taskBody(details), options),
    );
    if (!result.ok) return;
    const moved = details.place.trim() !== opportunity.place || details.area !== opportunity.area;
    onDone(
      [
        t("volunteering.edit.taskSaved"),
        ...(moved ? [t("volunteering.edit.toldPlace", { count: result.data.notified })] : []),
      ].join(" "),
    );
  }

  return (
    <section className="edit-form" aria-labelledby={`${p}-heading`}>
      <h4 id={`${p}-heading`} ref={heading} tabIndex={-1}>
        {t("volunteering.edit.taskHeading")}
      </h4>
      <ErrorSummary
        error={submission.error}
        items={missing.map((id) => ({ fieldId: id, message: messages[id] ?? id }))}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TaskDetailsFields
          p={p}
          d={details}
          err={err}
          areaHint={t("volunteering.edit.areaHint")}
          onChange={setDetails}
        />
        <div className="form__actions button-row">
          <button type="submit" className="button">
            {t("volunteering.edit.saveTask")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("volunteering.edit.close")}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Hours of people who helped without a volunteer record (walk-ins at an event): how many and how long each,
 * never names. Confirmed at once; counted in the figures and open data, never in anyone's certificate.
 */
export function GroupHoursForm({
  opportunityId,
  title,
  entries,
  onDone,
}: {
  opportunityId: string;
  title: string;
  entries: GroupHoursView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submission = useSubmit<GroupHoursView>();
  const [v, setV] = useState({ date: HELSINKI_DATE.format(new Date()), people: "", hours: "" });
  const [bad, setBad] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const p = `group-${opportunityId.slice(-8)}`;
  const set = (key: keyof typeof v) => (event: { target: { value: string } }) =>
    setV((x) => ({ ...x, [key]: event.target.value }));
  const messages: Record<string, string> = {
    [`${p}-date`]: t("volunteering.groupHours.dateError"),
    [`${p}-people`]: t("volunteering.groupHours.peopleError"),
    [`${p}-hours`]: t("volunteering.errors.hours"),
  };
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const people = Number(v.people);
    const minutes = minutesOf(v.hours);
    const wrong = [
      ...(!DATE.test(v.date) ? [`${p}-date`] : []),
      ...(!Number.isInteger(people) || people < 1 || people > 500 ? [`${p}-people`] : []),
      ...(!Number.isFinite(minutes) || minutes < 15 || minutes > 1440 ? [`${p}-hours`] : []),
    ];
    setBad(wrong);
    if (wrong.length > 0) return submission.reset();
    removal.reset();
    const result = await submission.run((options) =>
      recordGroupHours(opportunityId, { workDate: v.date, people, minutesEach: minutes }, options),
    );
    if (result.ok) {
      setV((x) => ({ ...x, people: "", hours: "" }));
      onDone();
    }
  }
  const removal = useSubmit<{ status: "ok" }>();
  async function remove(id: string) {
    submission.reset();
    const result = await removal.run((options) => removeGroupHours(id, options));
    if (result.ok) {
      onDone();
      requestAnimationFrame(() => document.getElementById(`${p}-status`)?.focus());
    }
  }
  const entryText = (g: GroupHoursView) =>
    t("volunteering.groupHours.entry", {
      date: g.workDate,
      count: g.people,
      hours: formatHours(g.minutesEach, locale),
    });
  const headingId = `${p}-heading`;
  const saved = submission.status === "success" ? submission.data : undefined;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{t("volunteering.groupHours.heading")}</h4>
      <p className="field__hint">{t("volunteering.groupHours.intro")}</p>
      <ErrorSummary
        error={submission.error}
        items={bad.map((id) => ({ fieldId: id, message: messages[id] ?? id }))}
        attempt={attempt}
      />
      <ErrorSummary error={removal.error} items={[]} attempt={removal.attempt} />
      <div
        id={`${p}-status`}
        role="status"
        tabIndex={-1}
        className={saved || removal.status === "success" ? "notice notice--success" : undefined}
      >
        {saved
          ? t("volunteering.groupHours.saved", {
              count: saved.people,
              hours: formatHours(saved.minutesEach, locale),
              total: formatHours(saved.people * saved.minutesEach, locale),
            })
          : removal.status === "success"
            ? t("volunteering.groupHours.removed")
            : ""}
      </div>
      <form
        className="form form--inline"
        noValidate
        aria-label={t("volunteering.groupHours.formFor", { title })}
        onSubmit={(event) => void onSubmit(event)}
      >
        <TextField
          id={`${p}-date`}
          type="date"
          label={t("volunteering.me.date")}
          value={v.date}
          error={bad.includes(`${p}-date`) ? messages[`${p}-date`] : undefined}
          onChange={set("date")}
        />
        <TextField
          id={`${p}-people`}
          inputMode="numeric"
          maxLength={3}
          label={t("volunteering.groupHours.people")}
          value={v.people}
          error={bad.includes(`${p}-people`) ? messages[`${p}-people`] : undefined}
          onChange={set("people")}
        />
        <TextField
          id={`${p}-hours`}
          inputMode="decimal"
          maxLength={5}
          label={t("volunteering.groupHours.hoursEach")}
          hint={t("volunteering.me.hoursHint")}
          value={v.hours}
          error={bad.includes(`${p}-hours`) ? messages[`${p}-hours`] : undefined}
          onChange={set("hours")}
        />
        <div className="form__actions">
          <button type="submit" className="button button--small">
            {t("volunteering.groupHours.submit")}
          </button>
        </div>
      </form>
      {entries.length > 0 ? (
        <ul className="roster" aria-label={t("volunteering.groupHours.listFor", { title })}>
          {entries.map((g) => (
            <li key={g.id}>
              {entryText(g)}{" "}
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t("volunteering.groupHours.removeFor", { entry: entryText(g) })}
                onClick={() => void remove(g.id)}
              >
                {t("volunteering.groupHours.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
