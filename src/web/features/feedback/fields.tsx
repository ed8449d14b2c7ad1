import type { InputHTMLAttributes, ReactNode } from "react";

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
