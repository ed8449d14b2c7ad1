import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "./identity-helpers.ts";

/** The password rules, shown (and tied to the field as its hint) before the person starts typing. */
export function PasswordRules() {
  const { t } = useTranslation();
  return (
    <>
      <span className="field__hint-title">{t("passwordRules.title")}</span>
      <ul className="field__hint-list">
        <li>{t("passwordRules.length", { min: PASSWORD_MIN_LENGTH })}</li>
        <li>{t("passwordRules.notEmail")}</li>
      </ul>
      <span>{t("passwordRules.advice")}</span>
    </>
  );
}
