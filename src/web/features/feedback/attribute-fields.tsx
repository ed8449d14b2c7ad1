import { useTranslation } from "react-i18next";
import type { ServiceAttribute } from "../../../contracts/feedback.ts";
import { SelectField, TextAreaField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";

/** Answers to a service's extra questions: a string, or the chosen keys of a multi-value list. */
export type AttributeAnswers = Record<string, string | string[]>;

/** The id of a question's input, for the error summary's link. */
export function attributeFieldId(code: string): string {
  return `feedback-attribute-${code.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
}

/** The required questions left unanswered, in the service's order. */
export function missingAttributes(
  attributes: ServiceAttribute[],
  answers: AttributeAnswers,
): ServiceAttribute[] {
  return attributes.filter((attribute) => {
    if (!attribute.variable || !attribute.required) return false;
    const answer = answers[attribute.code];
    return answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === "");
  });
}

/** The answers to send: only the service's own questions, without empty ones. */
export function answersToSend(attributes: ServiceAttribute[], answers: AttributeAnswers): AttributeAnswers {
  const out: AttributeAnswers = {};
  for (const attribute of attributes) {
    const answer = answers[attribute.code];
    if (!attribute.variable || answer === undefined) continue;
    if (Array.isArray(answer) ? answer.length > 0 : answer.trim() !== "") {
      out[attribute.code] = Array.isArray(answer) ? answer : answer.trim();
    }
  }
  return out;
}

/** A service's extra questions (the six Open311 datatypes), in their order; information-only ones as text. */
export function AttributeFields({
  attributes,
  answers,
  onChange,
  missing,
}: {
  attributes: ServiceAttribute[];
  answers: AttributeAnswers;
  onChange: (code: string, value: string | string[]) => void;
  missing: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ordered = [...attributes].sort((a, b) => a.order - b.order);
  if (ordered.length === 0) return null;
  return (
    <fieldset className="feedback-fieldset">
      <legend className="feedback-fieldset__legend">{t("feedback.report.questionsLegend")}</legend>
      {ordered.map((attribute) => {
        const id = attributeFieldId(attribute.code);
        const question = localize(attribute.description);
        if (!attribute.variable) {
          return (
            <p key={attribute.code} className="notice" lang={question.lang}>
              {question.text}
            </p>
          );
        }
        const label = attribute.required ? question.text : t("feedback.optional", { label: question.text });
        const error = missing.has(attribute.code) ? t("feedback.report.errors.question") : undefined;
        const answer = answers[attribute.code];
        const text = typeof answer === "string" ? answer : "";
        switch (attribute.datatype) {
          case "singlevaluelist":
            return (
              <SelectField
                key={attribute.code}
                id={id}
                label={label}
                error={error}
                value={text}
                required={attribute.required}
                onChange={(event) => onChange(attribute.code, event.target.value)}
              >
                <option value="">{t("feedback.report.choose")}</option>
                {attribute.values.map((value) => (
                  <option key={value.key} value={value.key}>
                    {localize(value.name).text}
                  </option>
                ))}
              </SelectField>
            );
          case "multivaluelist": {
            const chosen = Array.isArray(answer) ? answer : [];
            return (
              <fieldset
                key={attribute.code}
                className={`feedback-fieldset feedback-fieldset--inner${error ? " field--error" : ""}`}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <legend lang={question.lang}>{label}</legend>
                {error ? (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                ) : null}
                {attribute.values.map((value, index) => {
                  const optionId = index === 0 ? id : `${id}-${index}`;
                  return (
                    <div key={value.key} className="feedback-radio">
                      <input
                        id={optionId}
                        type="checkbox"
                        checked={chosen.includes(value.key)}
                        onChange={(event) =>
                          onChange(
                            attribute.code,
                            event.target.checked
                              ? [...chosen, value.key]
                              : chosen.filter((key) => key !== value.key),
                          )
                        }
                      />
                      <label htmlFor={optionId}>{localize(value.name).text}</label>
                    </div>
                  );
                })}
              </fieldset>
            );
          }
          case "text":
            return (
              <TextAreaField
                key={attribute.code}
                id={id}
                label={label}
                error={error}
                value={text}
                rows={3}
                maxLength={2000}
                onChange={(event) => onChange(attribute.code, event.target.value)}
              />
            );
          default:
            return (
              <TextField
                key={attribute.code}
                id={id}
                label={label}
                error={error}
                value={text}
                maxLength={2000}
                type={attribute.datatype === "datetime" ? "datetime-local" : "text"}
                inputMode={attribute.datatype === "number" ? "decimal" : undefined}
                onChange={(event) => onChange(attribute.code, event.target.value)}
              />
            );
        }
      })}
    </fieldset>
  );
}
