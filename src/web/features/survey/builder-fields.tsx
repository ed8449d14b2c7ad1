import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../contracts/localized-text.ts";
import { TextAreaField, TextField } from "../../components/form.tsx";
import type { TextDraft } from "./builder-model.ts";

/** Field errors of the builder by field id (one message each). */
export type FieldErrors = ReadonlyMap<string, string>;

/**
 * One text in Finnish, Swedish and English: a group with a legend and one labelled input per language, each
 * marked with its language so that spelling and speech follow it. Finnish may be required; the others fall
 * back to Finnish (DESIGN rule 8).
 */
export function LocalizedInputs({
  idOf,
  legend,
  hint,
  value,
  onChange,
  errors,
  required = false,
  multiline = false,
}: {
  idOf: (locale: "fi" | "sv" | "en") => string;
  legend: string;
  hint?: string;
  value: TextDraft;
  onChange: (value: TextDraft) => void;
  errors: FieldErrors;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const hintId = `${idOf("fi")}-group-hint`;
  return (
    <fieldset className="builder-languages" aria-describedby={hint ? hintId : undefined}>
      <legend className="field__label">
        {legend}
        {required ? <span className="survey-required"> ({t("survey.builder.finnishRequired")})</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {LOCALES.map((locale) => {
        const common = {
          id: idOf(locale),
          label: t(`survey.builder.inLanguage.${locale}`),
          error: errors.get(idOf(locale)),
          lang: locale,
          value: value[locale],
        };
        return multiline ? (
          <TextAreaField
            key={locale}
            {...common}
            rows={3}
            onChange={(e) => onChange({ ...value, [locale]: e.target.value })}
          />
        ) : (
          <TextField
            key={locale}
            {...common}
            onChange={(e) => onChange({ ...value, [locale]: e.target.value })}
          />
        );
      })}
    </fieldset>
  );
}
