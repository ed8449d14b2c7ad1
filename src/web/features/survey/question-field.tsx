import { useTranslation } from "react-i18next";
import { pickText } from "../../../contracts/localized-text.ts";
import { type Answers, DONT_KNOW, type Question, SHORT_TEXT_MAX } from "../../../contracts/survey.ts";
import { useLocale } from "../../i18n/i18n.ts";

/** The answer choices of a question in order, "don't know" last where allowed. */
export function choicesOf(question: Question, dontKnowLabel: string, locale: "fi" | "sv" | "en") {
  const values =
    question.type === "likert5"
      ? ["1", "2", "3", "4", "5"]
      : question.type === "grade4to10"
        ? ["4", "5", "6", "7", "8", "9", "10"]
        : question.type === "scale0to10"
          ? ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
          : (question.options ?? []).map((o) => o.value);
  const choices = values.map((value) => {
    const option = question.options?.find((o) => o.value === value);
    return { value, label: option ? pickText(option.label, locale).text : value };
  });
  if (question.allowDontKnow) choices.push({ value: DONT_KNOW, label: dontKnowLabel });
  return choices;
}

/** The id of a question's first control, where an error summary link takes the focus. */
export function fieldId(prefix: string, key: string): string {
  return `${prefix}-${key}`;
}

/**
 * One question as a form control: a radio group for scales and single choice, check boxes for multiple
 * choice, a number field or a text area; the hint and any error are tied to it with aria-describedby.
 */
export function QuestionField({
  question,
  value,
  onChange,
  onCommit,
  error,
  prefix,
  shortcuts = false,
}: {
  question: Question;
  value: Answers[string] | undefined;
  onChange: (value: Answers[string]) => void;
  /** Called when a typed answer is complete (the field loses focus), to save it. */
  onCommit?: () => void;
  error?: string | undefined;
  prefix: string;
  /** Show each choice's key (the interviewer's keyboard shortcuts). */
  shortcuts?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = pickText(question.text, locale);
  const help = question.help ? pickText(question.help, locale) : undefined;
  const id = fieldId(prefix, question.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [help ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const required = question.required ? (
    <span className="survey-required"> ({t("survey.answer.required")})</span>
  ) : null;
  const hint = help ? (
    <p id={hintId} className="field__hint" lang={help.lang}>
      {help.text}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field__error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {error}
    </p>
  ) : null;

  if (question.type === "number" || question.type === "text") {
    const common = {
      id,
      className: "input",
      "aria-describedby": describedBy,
      "aria-invalid": error ? true : undefined,
      value: typeof value === "string" ? value : "",
      onBlur: onCommit,
    };
    return (
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={id} className="field__label survey-question__text" lang={text.lang}>
          {text.text}
          {required}
        </label>
        {hint}
        {errorText}
        {question.type === "number" ? (
          <input
            {...common}
            type="number"
            inputMode="numeric"
            min={question.min}
            max={question.max}
            onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
          />
        ) : question.short ? (
          <input
            {...common}
            type="text"
            maxLength={SHORT_TEXT_MAX}
            onChange={(e) => onChange(e.target.value || null)}
          />
        ) : (
          <textarea
            {...common}
            rows={4}
            maxLength={4000}
            onChange={(e) => onChange(e.target.value || null)}
          />
        )}
      </div>
    );
  }

  const choices = choicesOf(question, t("survey.answer.dontKnow"), locale);
  const multi = question.type === "multi";
  const selected = new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
  const scale = question.type !== "single" && question.type !== "multi";
  return (
    <fieldset
      className={`survey-question${error ? " field--error" : ""}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="survey-question__text" lang={text.lang}>
        {text.text}
        {required}
      </legend>
      {hint}
      {errorText}
      <div className={`survey-choices${scale ? " survey-choices--scale" : ""}`}>
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${index}`;
          return (
            <label key={choice.value} className="survey-choice" htmlFor={choiceId}>
              <input
                id={choiceId}
                type={multi ? "checkbox" : "radio"}
                name={`${prefix}-${question.key}`}
                value={choice.value}
                checked={selected.has(choice.value)}
                onChange={(e) => {
                  if (!multi) return onChange(choice.value);
                  const next = new Set(selected);
                  if (e.target.checked) next.add(choice.value);
                  else next.delete(choice.value);
                  onChange([...next]);
                }}
              />
              <span lang={question.options?.some((o) => o.value === choice.value) ? undefined : locale}>
                {shortcuts && shortcutKey(question, choice.value, index) ? (
                  <kbd className="survey-key">{shortcutKey(question, choice.value, index)}</kbd>
                ) : null}
                {choice.label}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * The key that chooses an answer in the interview screen: the number itself on a numeric scale (0 for 10 on
 * the school-grade scale, where 0 is not an answer), the option's position 1–9 otherwise, "e" for "don't know".
 */
export function shortcutKey(question: Question, value: string, index: number): string | null {
  if (value === DONT_KNOW) return "e";
  if (question.type === "likert5" || question.type === "scale0to10") return value.length === 1 ? value : null;
  if (question.type === "grade4to10") return value === "10" ? "0" : value;
  return index < 9 ? String(index + 1) : null;
}

/** Whether a question is shown, given the answers so far (the server applies the same rule). */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const answer = answers[question.showIf.question];
  const wanted = new Set(question.showIf.values);
  if (Array.isArray(answer)) return answer.some((a) => wanted.has(a));
  return typeof answer === "string" && wanted.has(answer);
}
