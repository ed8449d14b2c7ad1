import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORGANISATION_KINDS, type OrganisationView } from "../../../contracts/volunteering.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { fetchMyOrganisations, registerOrganisation } from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, TextField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

function RegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmit<OrganisationView>();
  const [values, setValues] = useState({
    name: "",
    kind: "association",
    yTunnus: "",
    description: "",
    email: "",
    phone: "",
  });
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const lacking = [
      ...(values.name.trim().length < 2 ? ["org-name"] : []),
      ...(values.description.trim() === "" ? ["org-description"] : []),
      ...(!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(values.email.trim()) ? ["org-email"] : []),
    ];
    setMissing(lacking);
    if (lacking.length > 0) return submission.reset();
    const result = await submission.run((options) =>
      registerOrganisation(
        {
          name: values.name.trim(),
          kind: values.kind as OrganisationView["kind"],
          ...(values.yTunnus.trim() ? { yTunnus: values.yTunnus.trim() } : {}),
          description: { fi: values.description.trim() },
          contactEmail: values.email.trim(),
          ...(values.phone.trim() ? { contactPhone: values.phone.trim() } : {}),
        },
        options,
      ),
    );
    if (result.ok) onDone();
  }

  const yError =
    problemFieldNames(submission.error, ["yTunnus"]).length > 0 || submission.error?.status === 409
      ? t("volunteering.errors.yTunnus")
      : undefined;
  const errorOf = (id: string, key: "nameRequired" | "descriptionRequired" | "emailRequired") =>
    missing.includes(id) ? t(`volunteering.errors.${key}`) : undefined;
  const items = [
    ...(errorOf("org-name", "nameRequired")
      ? [{ fieldId: "org-name", message: t("volunteering.errors.nameRequired") }]
      : []),
    ...(yError ? [{ fieldId: "org-ytunnus", message: yError }] : []),
    ...(errorOf("org-description", "descriptionRequired")
      ? [{ fieldId: "org-description", message: t("volunteering.errors.descriptionRequired") }]
      : []),
    ...(errorOf("org-email", "emailRequired")
      ? [{ fieldId: "org-email", message: t("volunteering.errors.emailRequired") }]
      : []),
  ];
  return (
    <section className="volunteering-section" aria-labelledby="register-heading">
      <h2 id="register-heading">{t("volunteering.orgs.registerHeading")}</h2>
      <p>{t("volunteering.orgs.registerIntro")}</p>
      {submission.status === "success" ? (
        <div className="notice notice--success" role="status">
          <p>{t("volunteering.orgs.registered")}</p>
        </div>
      ) : null}
      <ErrorSummary error={submission.error} items={items} attempt={attempt} />
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="org-name"
          label={t("volunteering.orgs.name")}
          maxLength={150}
          value={values.name}
          error={errorOf("org-name", "nameRequired")}
          onChange={set("name")}
        />
        <SelectField
          id="org-kind"
          label={t("volunteering.orgs.kind")}
          value={values.kind}
          onChange={set("kind")}
        >
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`volunteering.orgKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="org-ytunnus"
          label={t("volunteering.orgs.yTunnus")}
          hint={t("volunteering.orgs.yTunnusHint")}
          maxLength={20}
          value={values.yTunnus}
          error={yError}
          onChange={set("yTunnus")}
        />
        <TextField
          id="org-description"
          label={t("volunteering.orgs.description")}
          maxLength={1000}
          value={values.description}
          error={errorOf("org-description", "descriptionRequired")}
          onChange={set("description")}
        />
        <TextField
          id="org-email"
          type="email"
          autoComplete="email"
          label={t("volunteering.orgs.email")}
          maxLength={254}
          value={values.email}
          error={errorOf("org-email", "emailRequired")}
          onChange={set("email")}
        />
        <TextField
          id="org-phone"
          type="tel"
          autoComplete="tel"
          label={t("volunteering.orgs.phone")}
          maxLength={40}
          value={values.phone}
          onChange={set("phone")}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("volunteering.orgs.registerSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function MyOrganisations() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [version, setVersion] = useState(0);
  const list = useApiResource(`my-organisations:${version}`, locale, (options) =>
    fetchMyOrganisations(options),
  );
  return (
    <>
      <section className="volunteering-section" aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t("volunteering.orgs.mineHeading")}</h2>
        <LoadingStatus loading={list.status === "loading"} />
        {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.length === 0 ? <p>{t("volunteering.orgs.none")}</p> : null}
        {list.data && list.data.length > 0 ? (
          <ul className="opportunity-list">
            {list.data.map((o) => (
              <li key={o.id}>
                <h3>
                  <Link to={VOLUNTEERING_PATHS.organisation(o.id)}>{o.name}</Link>
                </h3>
                <p>{t(`volunteering.orgStatus.${o.status}`)}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <RegisterForm onDone={() => setVersion((v) => v + 1)} />
    </>
  );
}

/** Representatives: the organisations they act for, and registering a new one for the city to approve. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("volunteering.orgs.title"));
  return (
    <SessionGate title={t("volunteering.orgs.title")}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") }]}
            current={t("volunteering.orgs.title")}
          />
          <header className="page-header">
            <PageHeading>{t("volunteering.orgs.title")}</PageHeading>
            <p className="lead">{t("volunteering.orgs.intro")}</p>
          </header>
          <MyOrganisations />
        </div>
      )}
    </SessionGate>
  );
}
