import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled multi-line input with hint and error, as the shared TextField (hint before the input). */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        className="input feedback-textarea"
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </div>
  );
}

/** A checkbox with its label beside it and an optional hint under the label. */
export function CheckboxField({
  id,
  label,
  hint,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "type"
>) {
  return (
    <div className="feedback-check">
      <input
        id={id}
        type="checkbox"
        className="feedback-check__input"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id} className="feedback-check__label">
          {label}
        </label>
        {hint ? (
          <div id={`${id}-hint`} className="field__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
