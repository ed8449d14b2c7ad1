import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Me, SessionInfo } from "../../../contracts/identity.ts";
import { LOCALES, type Locale } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import {
  deleteMe,
  MY_DATA_HREF,
  oidcStartHref,
  signOut,
  signOutEverywhere,
  updateMe,
} from "../../api/identity/identity.api.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, TextField } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { changeLocale, useLocale } from "../../i18n/i18n.ts";
import { formatDate } from "./identity-helpers.ts";
import { ResultPanel } from "./result-panel.tsx";
import { describeGrant } from "./role-names.ts";
import { useSession } from "./session.tsx";
import { SessionGate } from "./session-gate.tsx";
import type { SignInNotice } from "./sign-in-page.tsx";

/** The word the person types to confirm erasure (the API asks for exactly this). */
const DELETE_WORD = "DELETE";

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${value ? "badge--available" : "badge--coming"}`}>
      {value ? t("profile.yes") : t("profile.no")}
    </span>
  );
}

function DetailsForm({ person }: { person: Me }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const submission = useSubmit<Me>();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [preferredLocale, setPreferredLocale] = useState<Locale>(person.preferredLocale);
  const [nameMissing, setNameMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setSaved(false);
    const missing = displayName.trim() === "";
    setNameMissing(missing);
    if (missing) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) =>
      updateMe({ displayName: displayName.trim(), preferredLocale }, options),
    );
    if (!result.ok) return;
    await session.refresh();
    setSaved(true);
    // The chosen language is the person's language for the service as well as for e-mail.
    if (preferredLocale !== i18n.resolvedLanguage) await changeLocale(preferredLocale);
  }

  const nameError =
    nameMissing || problemFieldNames(submission.error, ["displayName"]).length > 0
      ? t("forms.errors.displayNameRequired")
      : undefined;
  return (
    <section className="profile-section" aria-labelledby="profile-details-heading">
      <h2 id="profile-details-heading">{t("profile.detailsHeading")}</h2>
      <ErrorSummary
        error={submission.error}
        items={nameError ? [{ fieldId: "profile-name", message: nameError }] : []}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="profile-name"
          label={t("forms.displayName")}
          hint={t("profile.nameHint")}
          name="name"
          autoComplete="name"
          maxLength={100}
          value={displayName}
          error={nameError}
          onChange={(event) => {
            setDisplayName(event.target.value);
            setSaved(false);
          }}
        />
        <SelectField
          id="profile-language"
          label={t("profile.languageLabel")}
          hint={t("profile.languageHint")}
          value={preferredLocale}
          onChange={(event) => {
            setPreferredLocale(event.target.value as Locale);
            setSaved(false);
          }}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {i18n.getFixedT(locale)("language.selfName")}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button">
            {submission.status === "pending" ? t("profile.saving") : t("profile.save")}
          </button>
          <p className="form__status" aria-live="polite">
            {saved ? t("profile.saved") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}

function residentMethodText(person: Me, t: TFunction, locale: Locale) {
  const verified = person.verifiedResident;
  if (!verified) return t("profile.residentNo");
  return t(`profile.residentBy.${verified.method}`, { date: formatDate(verified.at, locale) });
}

function IdentificationSection({ person, info }: { person: Me; info: SessionInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="profile-section" aria-labelledby="profile-identification-heading">
      <h2 id="profile-identification-heading">{t("profile.identificationHeading")}</h2>
      <dl className="status-list">
        <div>
          <dt>{t("profile.identifiedLabel")}</dt>
          <dd>
            <YesNo value={person.identified} />
            <span>{person.identified ? t("profile.identifiedYes") : t("profile.identifiedNo")}</span>
          </dd>
        </div>
        <div>
          <dt>{t("profile.residentLabel")}</dt>
          <dd>
            <YesNo value={person.verifiedResident !== null} />
            <span>{residentMethodText(person, t, locale)}</span>
          </dd>
        </div>
        {person.age !== null ? (
          <div>
            <dt>{t("profile.ageLabel")}</dt>
            <dd>{t("profile.age", { count: person.age })}</dd>
          </div>
        ) : null}
      </dl>
      {!person.identified && info.oidcAvailable ? (
        <div className="notice-card">
          <h3>{t("profile.linkHeading")}</h3>
          <p>{t("profile.linkWhy")}</p>
          <p>
            <a href={oidcStartHref(WEB_ROUTES.profile, true)} className="button">
              {t("profile.linkAction")}
            </a>
          </p>
        </div>
      ) : null}
      {person.verifiedResident === null ? <p>{t("profile.residentHelp")}</p> : null}
    </section>
  );
}

function AccountFacts({ person }: { person: Me }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t("forms.email")}</dt>
        <dd>
          {person.email ?? t("profile.noEmail")}
          {person.email
            ? ` (${person.emailVerified ? t("profile.emailVerified") : t("profile.emailUnverified")})`
            : ""}
        </dd>
      </div>
      <div>
        <dt>{t("profile.signInMethodsLabel")}</dt>
        <dd>
          {[
            person.hasPassword ? t("profile.methodPassword") : null,
            person.identified ? t("profile.methodStrong") : null,
          ]
            .filter(Boolean)
            .join(", ") || t("profile.methodNone")}
        </dd>
      </div>
    </dl>
  );
}

function RolesSection({ person }: { person: Me }) {
  const { t } = useTranslation();
  return (
    <section className="profile-section" aria-labelledby="profile-roles-heading">
      <h2 id="profile-roles-heading">{t("profile.rolesHeading")}</h2>
      {person.roles.length === 0 ? (
        <p>{t("profile.noRoles")}</p>
      ) : (
        <ul className="tag-list">
          {person.roles.map((grant) => (
            <li key={`${grant.role}:${grant.scope}`}>{describeGrant(grant, t)}</li>
          ))}
        </ul>
      )}
      <p className="section-intro">{t("profile.rolesHelp")}</p>
    </section>
  );
}

function DataSection() {
  const { t } = useTranslation();
  return (
    <section className="profile-section" aria-labelledby="profile-data-heading">
      <h2 id="profile-data-heading">{t("profile.dataHeading")}</h2>
      <p>{t("profile.dataBody")}</p>
      <p>
        <a href={MY_DATA_HREF} download="keskio-my-data.json" className="button button--secondary">
          {t("profile.dataDownload")}
        </a>
      </p>
      <p>
        {t("profile.privacyNote")} <Link to={WEB_ROUTES.privacy}>{t("profile.privacyLink")}</Link>
      </p>
    </section>
  );
}

function SignOutSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const submission = useSubmit();

  async function end(everywhere: boolean) {
    const result = await submission.run((options) =>
      everywhere ? signOutEverywhere(options) : signOut(options),
    );
    // A session that has already ended (401) is as good as signed out.
    if (!result.ok && result.error?.status !== 401) return;
    await session.refresh();
    const state: SignInNotice = { notice: everywhere ? "signedOutEverywhere" : "signedOut" };
    navigate(WEB_ROUTES.signIn, { state });
  }

  return (
    <section className="profile-section" aria-labelledby="profile-sign-out-heading">
      <h2 id="profile-sign-out-heading">{t("profile.signOutHeading")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void end(false)}>
          {t("profile.signOut")}
        </button>
      </div>
      <p>{t("profile.signOutEverywhereHelp")}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void end(true)}>
          {t("profile.signOutEverywhere")}
        </button>
      </div>
    </section>
  );
}

function DeleteSection({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const submission = useSubmit();
  const [typed, setTyped] = useState("");
  const [wrongWord, setWrongWord] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const wrong = typed.trim() !== DELETE_WORD;
    setWrongWord(wrong);
    if (wrong) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) => deleteMe(options));
    if (!result.ok) return;
    onDeleted();
    await session.refresh();
  }

  const error = wrongWord ? t("forms.errors.confirmDelete", { word: DELETE_WORD }) : undefined;
  return (
    <section className="profile-section profile-section--danger" aria-labelledby="profile-delete-heading">
      <h2 id="profile-delete-heading">{t("profile.deleteHeading")}</h2>
      <p>{t("profile.deleteIntro")}</p>
      <h3>{t("profile.deleteErasedHeading")}</h3>
      <ul className="text-list">
        <li>{t("profile.deleteErasedAccount")}</li>
        <li>{t("profile.deleteErasedIdentity")}</li>
        <li>{t("profile.deleteErasedSessions")}</li>
      </ul>
      <h3>{t("profile.deleteKeptHeading")}</h3>
      <ul className="text-list">
        <li>{t("profile.deleteKeptContributions")}</li>
        <li>{t("profile.deleteKeptAudit")}</li>
      </ul>
      <p>{t("profile.deleteDownloadFirst")}</p>
      <ErrorSummary
        error={submission.error}
        items={error ? [{ fieldId: "profile-delete-confirm", message: error }] : []}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="profile-delete-confirm"
          label={t("profile.deleteConfirmLabel", { word: DELETE_WORD })}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typed}
          error={error}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--danger">
            {submission.status === "pending" ? t("profile.deleting") : t("profile.deleteSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Oma tili": the person's details, identification and residency, roles, their data, sign-out, erasure. */
export function ProfilePage() {
  const { t } = useTranslation();
  const [deleted, setDeleted] = useState(false);
  useDocumentTitle(deleted ? t("profile.deletedTitle") : t("profile.title"));

  if (deleted) {
    return (
      <div className="container page page--narrow">
        <PageHeading>{t("profile.deletedTitle")}</PageHeading>
        <ResultPanel title={t("profile.deletedHeading")}>
          <p>{t("profile.deletedBody")}</p>
          <p>
            <Link to={WEB_ROUTES.home}>{t("notFound.homeLink")}</Link>
          </p>
        </ResultPanel>
      </div>
    );
  }

  return (
    <SessionGate title={t("profile.title")}>
      {(person, info) => (
        <div className="container page page--narrow">
          <header className="page-header">
            <PageHeading>{t("profile.title")}</PageHeading>
            <p className="lead">{t("profile.greeting", { name: person.displayName })}</p>
            <AccountFacts person={person} />
          </header>
          <DetailsForm person={person} />
          <IdentificationSection person={person} info={info} />
          <RolesSection person={person} />
          <DataSection />
          <SignOutSection />
          <DeleteSection onDeleted={() => setDeleted(true)} />
        </div>
      )}
    </SessionGate>
  );
}
