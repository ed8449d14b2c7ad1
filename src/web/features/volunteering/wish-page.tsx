import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  AREAS,
  DAYPARTS,
  type MatchResult,
  SKILLS,
  THEMES,
  type TimeSlot,
  type VolunteerProfile,
  WEEKDAYS,
} from "../../../contracts/volunteering.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  fetchMe,
  matchOpportunities,
  saveAccountProfile,
  startLightProfile,
} from "../../api/volunteering/volunteering.api.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { useSession } from "../identity/session.tsx";
import {
  ChoiceGroup,
  ExampleLabel,
  formatShift,
  reasonText,
  VOLUNTEERING_PATHS,
} from "./volunteering-parts.tsx";

const EMPTY: VolunteerProfile = { interests: [], skills: [], areas: [], languages: [], availability: [] };

function Results({ results }: { results: MatchResult[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  if (results.length === 0) return <p>{t("volunteering.wish.noResults")}</p>;
  return (
    <ol className="match-list">
      {results.map(({ opportunity, reasons }) => {
        const title = local(opportunity.title);
        const next = opportunity.shifts[0];
        return (
          <li key={opportunity.id}>
            <h3 lang={title.lang}>
              <Link to={VOLUNTEERING_PATHS.opportunity(opportunity.id)}>{title.text}</Link>
            </h3>
            <p>
              {opportunity.organisationName} {opportunity.isExample ? <ExampleLabel /> : null}
            </p>
            <p className="field__hint">{t("volunteering.wish.whyHeading")}</p>
            <ul className="reason-list">
              {reasons.map((reason) => (
                <li key={`${reason.code}-${reason.value ?? ""}`}>{reasonText(reason, t)}</li>
              ))}
            </ul>
            <p>
              {next
                ? t("volunteering.wish.nextShift", { when: formatShift(next, locale) })
                : t("volunteering.wish.noShifts")}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function SaveProfile({ profile }: { profile: VolunteerProfile }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const person = session.info?.person ?? null;
  const submission = useSubmit<unknown>();
  const [name, setName] = useState(person?.displayName ?? "");
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const lacking = [
      ...(name.trim() === "" ? ["save-name"] : []),
      ...(!person && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email.trim()) ? ["save-email"] : []),
    ];
    setMissing(lacking);
    if (lacking.length > 0) return submission.reset();
    await submission.run((options) =>
      person
        ? saveAccountProfile({ displayName: name.trim(), profile, locale }, options)
        : startLightProfile({ displayName: name.trim(), email: email.trim(), profile, locale }, options),
    );
  }

  if (submission.status === "success")
    return (
      <div className="notice notice--success" role="status">
        {person ? (
          <p>
            {t("volunteering.wish.savedAccount")}{" "}
            <Link to={VOLUNTEERING_PATHS.me}>{t("volunteering.wish.toMyPage")}</Link>
          </p>
        ) : (
          <p>{t("volunteering.wish.savedLight", { email: email.trim() })}</p>
        )}
      </div>
    );
  const nameError = missing.includes("save-name") ? t("volunteering.errors.nameRequired") : undefined;
  const emailError = missing.includes("save-email") ? t("volunteering.errors.emailRequired") : undefined;
  return (
    <section className="volunteering-section" aria-labelledby="save-heading">
      <h2 id="save-heading">{t("volunteering.wish.saveHeading")}</h2>
      <p>{person ? t("volunteering.wish.saveAccountIntro") : t("volunteering.wish.saveLightIntro")}</p>
      <ErrorSummary
        error={submission.error}
        items={[
          ...(nameError ? [{ fieldId: "save-name", message: nameError }] : []),
          ...(emailError ? [{ fieldId: "save-email", message: emailError }] : []),
        ]}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="save-name"
          label={t("volunteering.wish.nameLabel")}
          autoComplete="name"
          maxLength={100}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        {person ? null : (
          <TextField
            id="save-email"
            type="email"
            label={t("volunteering.wish.emailLabel")}
            hint={t("volunteering.wish.emailHint")}
            autoComplete="email"
            maxLength={254}
            value={email}
            error={emailError}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
        <div className="form__actions">
          <button type="submit" className="button">
            {person ? t("volunteering.wish.saveAccount") : t("volunteering.wish.saveLight")}
          </button>
        </div>
      </form>
      <p className="section-intro">{t("volunteering.wish.privacy")}</p>
    </section>
  );
}

/** "Mitä minä voisin tehdä Heinolan hyväksi?": a wish becomes a profile and ranked suggestions with reasons. */
export function WishPage() {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<VolunteerProfile>(EMPTY);
  const [age, setAge] = useState("");
  const [ageError, setAgeError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const matching = useSubmit<MatchResult[]>();
  useDocumentTitle(t("volunteering.wish.title"));

  // A returning volunteer starts from their saved profile.
  useEffect(() => {
    const controller = new AbortController();
    fetchMe({ locale: "fi", signal: controller.signal }).then(
      (me) => {
        setProfile(me.profile);
        if (me.profile.age != null) setAge(String(me.profile.age));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const set =
    <K extends keyof VolunteerProfile>(key: K) =>
    (value: VolunteerProfile[K]) =>
      setProfile((p) => ({ ...p, [key]: value }));

  const ageNumber = age.trim() === "" ? null : Number(age);
  const fullProfile: VolunteerProfile = { ...profile, age: ageNumber };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const badAge = ageNumber !== null && (!Number.isInteger(ageNumber) || ageNumber < 13 || ageNumber > 120);
    setAgeError(badAge);
    if (badAge) return matching.reset();
    await matching.run((options) => matchOpportunities(fullProfile, options));
  }

  const ageMessage = ageError ? t("volunteering.errors.age") : undefined;
  return (
    <div className="container page">
      <header className="page-header">
        <PageHeading>{t("volunteering.wish.title")}</PageHeading>
        <p className="lead">{t("volunteering.wish.intro")}</p>
        <ul className="text-list">
          <li>
            <Link to={VOLUNTEERING_PATHS.opportunities}>{t("volunteering.nav.allTasks")}</Link>
          </li>
          <li>
            <Link to={VOLUNTEERING_PATHS.me}>{t("volunteering.nav.myPage")}</Link>
          </li>
          <li>
            <Link to={VOLUNTEERING_PATHS.organisations}>{t("volunteering.nav.organisations")}</Link>
          </li>
        </ul>
      </header>
      <ErrorSummary
        error={matching.error}
        items={ageMessage ? [{ fieldId: "wish-age", message: ageMessage }] : []}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ChoiceGroup
          id="wish-interests"
          legend={t("volunteering.wish.interests")}
          options={THEMES}
          chosen={profile.interests}
          label={(v) => t(`volunteering.themes.${v}`)}
          onChange={set("interests")}
        />
        <ChoiceGroup
          id="wish-skills"
          legend={t("volunteering.wish.skills")}
          options={SKILLS}
          chosen={profile.skills}
          label={(v) => t(`volunteering.skills.${v}`)}
          onChange={set("skills")}
        />
        <ChoiceGroup
          id="wish-areas"
          legend={t("volunteering.wish.areas")}
          options={AREAS.filter((a) => a !== "remote")}
          chosen={profile.areas}
          label={(v) => t(`volunteering.areas.${v}`)}
          onChange={set("areas")}
        />
        <fieldset className="choice-group">
          <legend className="field__label">{t("volunteering.wish.availability")}</legend>
          <div className="availability-grid">
            {WEEKDAYS.map((day) => (
              <ChoiceGroup<TimeSlot>
                key={day}
                id={`wish-time-${day}`}
                legend={t(`volunteering.weekdays.${day}`)}
                options={DAYPARTS.map((part) => `${day}-${part}` as TimeSlot)}
                chosen={profile.availability.filter((s) => s.startsWith(`${day}-`))}
                label={(slot) =>
                  t(`volunteering.dayparts.${slot.split("-")[1] as (typeof DAYPARTS)[number]}`)
                }
                onChange={(next) =>
                  setProfile((p) => ({
                    ...p,
                    availability: [...p.availability.filter((s) => !s.startsWith(`${day}-`)), ...next],
                  }))
                }
              />
            ))}
          </div>
        </fieldset>
        <TextField
          id="wish-age"
          label={t("volunteering.wish.age")}
          hint={t("volunteering.wish.ageHint")}
          inputMode="numeric"
          maxLength={3}
          value={age}
          error={ageMessage}
          onChange={(event) => setAge(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("volunteering.wish.submit")}
          </button>
        </div>
      </form>
      <section className="volunteering-section" aria-labelledby="results-heading" aria-live="polite">
        {matching.status === "success" && matching.data ? (
          <>
            <h2 id="results-heading">
              {t("volunteering.wish.resultsHeading", { count: matching.data.length })}
            </h2>
            <Results results={matching.data} />
          </>
        ) : (
          <h2 id="results-heading" className="visually-hidden">
            {t("volunteering.wish.resultsHeadingEmpty")}
          </h2>
        )}
      </section>
      {matching.status === "success" ? <SaveProfile profile={fullProfile} /> : null}
    </div>
  );
}
