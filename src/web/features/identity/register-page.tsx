import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { register } from "../../api/identity/identity.api.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, PasswordField, type SummaryItem, TextField } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { type FieldError, PASSWORD_MIN_LENGTH, validateRegistration } from "./identity-helpers.ts";
import { PasswordRules } from "./password-rules.tsx";
import { ResultPanel } from "./result-panel.tsx";

const FIELDS = ["displayName", "email", "password"] as const;
type Field = (typeof FIELDS)[number];
const FIELD_IDS: Record<Field, string> = {
  displayName: "register-name",
  email: "register-email",
  password: "register-password",
};
// What to say of a field the server refused when the form's own checks let it through.
const SERVER_FIELD_ERRORS: Record<Field, FieldError> = {
  displayName: { key: "displayNameRequired" },
  email: { key: "emailInvalid" },
  password: { key: "passwordTooShort", values: { min: PASSWORD_MIN_LENGTH } },
};

/** Registration with e-mail and password; the answer is the same whether or not the address is taken. */
export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("register.title"));
  const submission = useSubmit<{ status: "accepted" }>();
  const [values, setValues] = useState<Record<Field, string>>({ displayName: "", email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, FieldError>>>({});
  const [attempt, setAttempt] = useState(0);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);

  const change = (field: Field) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = validateRegistration(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submission.reset();
      return;
    }
    const email = values.email.trim();
    const result = await submission.run((options) =>
      register(
        { email, password: values.password, displayName: values.displayName.trim(), preferredLocale: locale },
        options,
      ),
    );
    if (result.ok) setSentTo(email);
  }

  // Fields the server refused (its own messages are the validator's, in English) get the form's wording.
  const shownErrors: Partial<Record<Field, FieldError>> = { ...errors };
  for (const field of problemFieldNames(submission.error, FIELDS)) {
    shownErrors[field] ??= SERVER_FIELD_ERRORS[field];
  }
  const message = (field: Field) => {
    const error = shownErrors[field];
    return error ? t(`forms.errors.${error.key}`, error.values ?? {}) : undefined;
  };
  const items: SummaryItem[] = FIELDS.flatMap((field) => {
    const text = message(field);
    return text ? [{ fieldId: FIELD_IDS[field], message: text }] : [];
  });

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("register.title")}</PageHeading>
        <p className="lead">{t("register.intro")}</p>
      </header>
      {sentTo ? (
        <ResultPanel title={t("register.sentTitle")}>
          <p>{t("register.sentBody", { email: sentTo })}</p>
          <p>{t("register.sentExisting")}</p>
          <p>{t("register.sentNothing")}</p>
          <p>
            <Link to={WEB_ROUTES.signIn}>{t("register.signInLink")}</Link>
          </p>
        </ResultPanel>
      ) : (
        <>
          <ErrorSummary error={submission.error} items={items} attempt={attempt} />
          <form className="form form--card" noValidate onSubmit={(event) => void onSubmit(event)}>
            <TextField
              id={FIELD_IDS.displayName}
              label={t("forms.displayName")}
              hint={t("register.nameHint")}
              name="name"
              autoComplete="name"
              maxLength={100}
              value={values.displayName}
              error={message("displayName")}
              onChange={change("displayName")}
            />
            <TextField
              id={FIELD_IDS.email}
              label={t("forms.email")}
              hint={t("register.emailHint")}
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={254}
              value={values.email}
              error={message("email")}
              onChange={change("email")}
            />
            <PasswordField
              id={FIELD_IDS.password}
              label={t("forms.password")}
              hint={<PasswordRules />}
              name="new-password"
              autoComplete="new-password"
              maxLength={200}
              value={values.password}
              error={message("password")}
              onChange={change("password")}
            />
            <div className="form__actions">
              <button type="submit" className="button">
                {submission.status === "pending" ? t("register.submitting") : t("register.submit")}
              </button>
            </div>
          </form>
          <p>
            {t("register.haveAccount")} <Link to={WEB_ROUTES.signIn}>{t("register.signInLink")}</Link>
          </p>
          <p>
            {t("register.privacyNote")} <Link to={WEB_ROUTES.privacy}>{t("register.privacyLink")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
