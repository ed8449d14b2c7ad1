import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "../../contracts/localized-text.ts";
import { changeLocale, useLocale } from "../i18n/i18n.ts";

/**
 * Buttons for the interface languages, each named in its own language and marked with that `lang`
 * (WCAG 3.1.2), the current one pressed. The label says "language" in the current language.
 */
export function LanguageSwitch({ variant }: { variant: "header" | "footer" }) {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  const selfName = (locale: Locale) => i18n.getFixedT(locale)("language.selfName");
  return (
    <fieldset className={`language-switch language-switch--${variant}`}>
      <legend className="language-switch__label">
        {variant === "header" ? t("language.switchLabel") : t("language.footerSwitchLabel")}
      </legend>
      <ul className="language-switch__list">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <button
              type="button"
              lang={locale}
              className="language-switch__button"
              aria-pressed={locale === current}
              onClick={() => void changeLocale(locale)}
            >
              {selfName(locale)}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
