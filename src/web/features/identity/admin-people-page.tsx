import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Organisation, type PersonSummary, ROLES, type Role } from "../../../contracts/identity.ts";
import {
  createOrganisation,
  grantRole,
  revokeRole,
  verifyInPerson,
} from "../../api/identity/identity.api.ts";
import { useOrganisations, usePeople } from "../../api/identity/identity.hooks.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { formatDate, isValidScope, looksLikeHenkilotunnus, SCOPED_ROLES } from "./identity-helpers.ts";
import { describeGrant } from "./role-names.ts";
import { hasRole } from "./session.tsx";
import { SessionGate } from "./session-gate.tsx";

function GrantRoleForm({
  person,
  organisations,
  onChanged,
}: {
  person: PersonSummary;
  organisations: readonly Organisation[];
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const prefix = `grant-${person.id}`;
  const submission = useSubmit();
  const [role, setRole] = useState<Role>("moderator");
  const [unit, setUnit] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [scopeError, setScopeError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const scopeFieldId = role === "organisation_rep" ? `${prefix}-organisation` : `${prefix}-unit`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const scope = role === "staff" ? unit.trim() : role === "organisation_rep" ? organisationId : "";
    const invalid = SCOPED_ROLES.has(role) && !isValidScope(scope);
    setScopeError(invalid);
    if (invalid) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) => grantRole(person.id, role, scope, options));
    if (!result.ok) return;
    const label = describeGrant({ role, scope }, t, organisations);
    setUnit("");
    onChanged(t("adminPeople.granted", { role: label, name: person.displayName }));
  }

  const scopeMessage =
    scopeError || problemFieldNames(submission.error, ["scope"]).length > 0
      ? role === "organisation_rep"
        ? t("forms.errors.organisationRequired")
        : t("forms.errors.unitInvalid")
      : undefined;
  const items: SummaryItem[] = scopeMessage ? [{ fieldId: scopeFieldId, message: scopeMessage }] : [];
  return (
    <form className="form form--inline" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary error={submission.error} items={items} attempt={attempt} />
      <SelectField
        id={`${prefix}-role`}
        label={t("adminPeople.roleLabel")}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {role === "staff" ? (
        <TextField
          id={scopeFieldId}
          label={t("adminPeople.unitLabel")}
          hint={t("adminPeople.unitHint")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={80}
          value={unit}
          error={scopeMessage}
          onChange={(event) => setUnit(event.target.value)}
        />
      ) : null}
      {role === "organisation_rep" ? (
        <SelectField
          id={scopeFieldId}
          label={t("adminPeople.organisationLabel")}
          hint={organisations.length === 0 ? t("adminPeople.noOrganisations") : undefined}
          value={organisationId}
          error={scopeMessage}
          onChange={(event) => setOrganisationId(event.target.value)}
        >
          <option value="">{t("adminPeople.chooseOrganisation")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button">
          {t("adminPeople.grant")}
          <span className="visually-hidden"> {t("adminPeople.forPerson", { name: person.displayName })}</span>
        </button>
      </div>
    </form>
  );
}

function VerifyInPersonForm({
  person,
  onChanged,
}: {
  person: PersonSummary;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const prefix = `verify-${person.id}`;
  const submission = useSubmit();
  const [henkilotunnus, setHenkilotunnus] = useState("");
  const [servicePoint, setServicePoint] = useState("");
  const [errors, setErrors] = useState<{ henkilotunnus: boolean; servicePoint: boolean }>({
    henkilotunnus: false,
    servicePoint: false,
  });
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = {
      henkilotunnus: !looksLikeHenkilotunnus(henkilotunnus),
      servicePoint: servicePoint.trim() === "",
    };
    setErrors(found);
    if (found.henkilotunnus || found.servicePoint) {
      submission.reset();
      return;
    }
    const code = henkilotunnus.trim().toUpperCase();
    // The identity number leaves the form with the request and is not kept, shown or logged anywhere after it.
    setHenkilotunnus("");
    const result = await submission.run((options) =>
      verifyInPerson(person.id, { henkilotunnus: code, servicePoint: servicePoint.trim() }, options),
    );
    if (result.ok) {
      onChanged(t("adminPeople.verified", { name: person.displayName, servicePoint: servicePoint.trim() }));
    }
  }

  const serverFields = problemFieldNames(submission.error, ["henkilotunnus", "servicePoint"]);
  const hetuMessage =
    errors.henkilotunnus || serverFields.includes("henkilotunnus")
      ? t("forms.errors.henkilotunnus")
      : undefined;
  const pointMessage =
    errors.servicePoint || serverFields.includes("servicePoint") ? t("forms.errors.servicePoint") : undefined;
  const items: SummaryItem[] = [
    ...(hetuMessage ? [{ fieldId: `${prefix}-hetu`, message: hetuMessage }] : []),
    ...(pointMessage ? [{ fieldId: `${prefix}-point`, message: pointMessage }] : []),
  ];
  return (
    <details className="disclosure">
      <summary className="disclosure__summary">
        {t("adminPeople.verifyHeading")}
        <span className="visually-hidden"> {t("adminPeople.forPerson", { name: person.displayName })}</span>
      </summary>
      <div className="disclosure__body">
        <p>{t("adminPeople.verifyIntro")}</p>
        <ErrorSummary error={submission.error} items={items} attempt={attempt} />
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={`${prefix}-hetu`}
            label={t("adminPeople.henkilotunnusLabel")}
            hint={t("adminPeople.henkilotunnusHint")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={11}
            value={henkilotunnus}
            error={hetuMessage}
            onChange={(event) => setHenkilotunnus(event.target.value)}
          />
          <TextField
            id={`${prefix}-point`}
            label={t("adminPeople.servicePointLabel")}
            hint={t("adminPeople.servicePointHint")}
            maxLength={100}
            value={servicePoint}
            error={pointMessage}
            onChange={(event) => setServicePoint(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button">
              {t("adminPeople.verifySubmit")}
            </button>
          </div>
        </form>
      </div>
    </details>
  );
}

function PersonCard({
  person,
  isAdmin,
  organisations,
  onReload,
}: {
  person: PersonSummary;
  isAdmin: boolean;
  organisations: readonly Organisation[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useSubmit();
  const rolesHeading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState("");
  const name = person.displayName || t("adminPeople.unnamed");

  const changed = (message: string) => {
    setStatus(message);
    onReload();
  };

  async function onRevoke(role: Role, scope: string) {
    const result = await revoke.run((options) => revokeRole(person.id, role, scope, options));
    if (!result.ok) return;
    // The button is gone with the role; the focus goes to the list's heading, the outcome is announced.
    rolesHeading.current?.focus();
    changed(t("adminPeople.revoked", { role: describeGrant({ role, scope }, t, organisations), name }));
  }

  return (
    <li className="person-card">
      <h3 className="person-card__name">{name}</h3>
      <dl className="facts">
        <div>
          <dt>{t("forms.email")}</dt>
          <dd>{person.email ?? t("profile.noEmail")}</dd>
        </div>
        <div>
          <dt>{t("adminPeople.residentLabel")}</dt>
          <dd>{person.verifiedResident ? t("profile.yes") : t("profile.no")}</dd>
        </div>
        <div>
          <dt>{t("adminPeople.createdLabel")}</dt>
          <dd>{formatDate(person.createdAt, locale)}</dd>
        </div>
      </dl>
      <h4 ref={rolesHeading} tabIndex={-1} className="person-card__subheading">
        {t("adminPeople.rolesHeading")}
      </h4>
      {person.roles.length === 0 ? (
        <p>{t("profile.noRoles")}</p>
      ) : (
        <ul className="role-list">
          {person.roles.map((grant) => (
            <li key={`${grant.role}:${grant.scope}`} className="role-list__item">
              <span>{describeGrant(grant, t, organisations)}</span>
              {isAdmin ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void onRevoke(grant.role, grant.scope)}
                >
                  {t("adminPeople.revoke")}
                  <span className="visually-hidden">
                    {" "}
                    {t("adminPeople.revokeContext", { role: describeGrant(grant, t, organisations), name })}
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={revoke.error} items={[]} attempt={revoke.attempt} />
      <p className="form__status" aria-live="polite">
        {status}
      </p>
      {isAdmin ? <GrantRoleForm person={person} organisations={organisations} onChanged={changed} /> : null}
      <VerifyInPersonForm person={person} onChanged={changed} />
    </li>
  );
}

function OrganisationsSection({
  organisations,
  onReload,
}: {
  organisations: readonly Organisation[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmit<Organisation>();
  const [name, setName] = useState("");
  const [yTunnus, setYTunnus] = useState("");
  const [nameMissing, setNameMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState("");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setStatus("");
    const missing = name.trim().length < 2;
    setNameMissing(missing);
    if (missing) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) =>
      createOrganisation(
        { name: name.trim(), ...(yTunnus.trim() !== "" ? { yTunnus: yTunnus.trim() } : {}) },
        options,
      ),
    );
    if (!result.ok) return;
    setName("");
    setYTunnus("");
    setStatus(t("adminPeople.organisationCreated", { name: result.data.name }));
    onReload();
  }

  const serverFields = problemFieldNames(submission.error, ["name", "yTunnus"]);
  const nameMessage =
    nameMissing || serverFields.includes("name") ? t("forms.errors.organisationName") : undefined;
  const yMessage = serverFields.includes("yTunnus") ? t("forms.errors.yTunnus") : undefined;
  const items: SummaryItem[] = [
    ...(nameMessage ? [{ fieldId: "organisation-name", message: nameMessage }] : []),
    ...(yMessage ? [{ fieldId: "organisation-y-tunnus", message: yMessage }] : []),
  ];
  return (
    <section className="content-section" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">{t("adminPeople.organisationsHeading")}</h2>
      <p className="section-intro">{t("adminPeople.organisationsIntro")}</p>
      {organisations.length === 0 ? (
        <p>{t("adminPeople.noOrganisations")}</p>
      ) : (
        <ul className="text-list">
          {organisations.map((o) => (
            <li key={o.id}>
              {o.name}
              {o.yTunnus ? ` (${t("adminPeople.yTunnusShort")} ${o.yTunnus})` : ""}
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={submission.error} items={items} attempt={attempt} />
      <form className="form form--card" noValidate onSubmit={(event) => void onSubmit(event)}>
        <h3>{t("adminPeople.organisationFormHeading")}</h3>
        <TextField
          id="organisation-name"
          label={t("adminPeople.organisationNameLabel")}
          autoComplete="organization"
          maxLength={200}
          value={name}
          error={nameMessage}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          id="organisation-y-tunnus"
          label={t("adminPeople.yTunnusLabel")}
          hint={t("adminPeople.yTunnusHint")}
          autoComplete="off"
          maxLength={20}
          value={yTunnus}
          error={yMessage}
          onChange={(event) => setYTunnus(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("adminPeople.organisationSubmit")}
          </button>
          <p className="form__status" aria-live="polite">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}

function PeopleAdministration({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const people = usePeople(search);
  const organisations = useOrganisations();
  const orgList = organisations.data ?? [];

  return (
    <div className="container page">
      <header className="page-header">
        <p className="kicker">{t("admin.kicker")}</p>
        <PageHeading>{t("adminPeople.title")}</PageHeading>
        <p className="lead">{isAdmin ? t("adminPeople.intro") : t("adminPeople.introStaff")}</p>
      </header>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some assistive technology still in use; the role says the same. */}
      <form
        role="search"
        className="search-form"
        aria-label={t("adminPeople.searchLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(query.trim());
        }}
      >
        <TextField
          id="people-search"
          label={t("adminPeople.searchLabel")}
          hint={t("adminPeople.searchHint")}
          type="search"
          autoComplete="off"
          maxLength={100}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button">
          {t("adminPeople.searchSubmit")}
        </button>
      </form>
      <section className="content-section" aria-labelledby="people-heading">
        <h2 id="people-heading">{t("adminPeople.peopleHeading")}</h2>
        <LoadingStatus loading={people.status === "loading" && !people.data} />
        {people.status === "error" ? <ProblemAlert error={people.error} onRetry={people.reload} /> : null}
        <p aria-live="polite" className="section-intro">
          {people.data
            ? search === ""
              ? t("adminPeople.countAll", { count: people.data.length })
              : t("adminPeople.countSearch", { count: people.data.length, search })
            : ""}
        </p>
        {people.data && people.data.length > 0 ? (
          <ul className="person-list">
            {people.data.map((person) => (
              <PersonCard
                key={person.id}
                person={person}
                isAdmin={isAdmin}
                organisations={orgList}
                onReload={people.reload}
              />
            ))}
          </ul>
        ) : null}
      </section>
      {isAdmin ? <OrganisationsSection organisations={orgList} onReload={organisations.reload} /> : null}
    </div>
  );
}

/** People and roles (admins), and the in-person identity check at a service point (staff and admins). */
export function AdminPeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("adminPeople.title"));
  return (
    <SessionGate title={t("adminPeople.title")} roles={["admin", "staff"]}>
      {(person) => <PeopleAdministration isAdmin={hasRole(person, "admin")} />}
    </SessionGate>
  );
}
