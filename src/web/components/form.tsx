import {
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/problem.ts";
import { describeProblem } from "./request-status.tsx";

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

type FieldFrame = { id: string; label: string; hint?: ReactNode; error?: string | undefined };

function FieldText({ id, hint, error }: Omit<FieldFrame, "label">) {
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

/**
 * A labelled input with an optional hint and error, both tied to it with aria-describedby; an error also
 * sets aria-invalid (WCAG 3.3.1, 3.3.2). The hint comes before the input, so it is read before typing.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <div className={`field${error ? " field--error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        id={id}
        className="input"
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

/** A labelled multi-line input with hint and error, as TextField (hint before the input). */
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
      <FieldText id={id} hint={hint} error={error} />
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

/** A password input with a show/hide toggle (a pressed button), the hint and error as TextField's. */
export function PasswordField({
  id,
  label,
  hint,
  error,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <div className="password-input">
        <input
          id={id}
          className="input"
          type={visible ? "text" : "password"}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
          aria-invalid={error ? true : undefined}
          {...input}
        />
        <button
          type="button"
          className="button button--secondary password-input__toggle"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((value) => !value)}
        >
          {t("forms.showPassword")}
        </button>
      </div>
    </div>
  );
}

/** A labelled select, with hint and error as TextField's. */
export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <select
        id={id}
        className="input input--select"
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A checkbox with its label beside it, and the hint and error under the label, both tied to it. */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "type"
>) {
  return (
    <div className={`check-field${error ? " field--error" : ""}`}>
      <input
        id={id}
        type="checkbox"
        className="check-field__input"
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <FieldText id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}

/** One line of an error summary: the field's id (its input) and what to fix. */
export type SummaryItem = { fieldId: string; message: string };

/**
 * What went wrong with a form, above it: the server's problem (title, detail, when to try again) and a link
 * to each field to fix. It takes focus whenever `attempt` changes with something to show, so the person
 * hears it at once and can jump to the field (the GOV.UK error-summary pattern; WCAG 3.3.1).
 */
export function ErrorSummary({
  error,
  items,
  attempt,
}: {
  error?: ApiError | undefined;
  items: SummaryItem[];
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const shown = Boolean(error) || items.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each attempt, not each render.
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  const problem = error ? describeProblem(error, t) : undefined;
  const minutes =
    error?.retryAfterSeconds !== undefined ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : undefined;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {problem?.title ?? t("forms.summaryTitle")}
      </h2>
      {problem?.detail ? <p>{problem.detail}</p> : null}
      {minutes !== undefined ? <p>{t("forms.retryAfter", { count: minutes })}</p> : null}
      {items.length > 0 ? (
        <ul className="error-summary__list">
          {items.map((item) => (
            // One field may have several problems (e.g. required in two languages): the key is both.
            <li key={`${item.fieldId}\u0000${item.message}`}>
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
