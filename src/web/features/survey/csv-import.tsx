import { type ChangeEvent, type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RequestOptions } from "../../api/client.ts";
import type { ApiError } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { ErrorSummary, TextAreaField } from "../../components/form.tsx";
import { ImportProblems } from "../../components/import-problems.tsx";
import { ProblemAlert } from "../../components/request-status.tsx";

/** One problem the server found in an import: its CSV record (the header is 1) and field, or the whole file. */
export interface ImportProblem {
  row: number | null;
  field: string | null;
  message: string;
}

/** The row and field a problem's pointer (/rows/3/sex or /csv) names. */
export function importProblemsOf(error: ApiError | undefined): ImportProblem[] {
  return (error?.fields ?? []).map((f) => {
    const match = /^\/rows\/(\d+)(?:\/(.+))?$/.exec(f.path);
    return match
      ? { row: Number(match[1]), field: match[2] ?? null, message: f.message }
      : { row: null, field: null, message: f.message };
  });
}

function ImportProblemList({ problems, attempt }: { problems: ImportProblem[]; attempt: number }) {
  const { t } = useTranslation();
  const messages = problems.map((p) =>
    p.row === null
      ? t("survey.rounds.import.fileError", { message: p.message })
      : p.field
        ? t("survey.rounds.import.rowFieldError", { row: p.row, field: p.field, message: p.message })
        : t("survey.rounds.import.rowError", { row: p.row, message: p.message }),
  );
  return (
    <ImportProblems title={t("survey.rounds.import.errorsTitle")} messages={messages} attempt={attempt} />
  );
}

/**
 * A CSV import as strategy's import behaves: choose a file (or paste), preview what it holds (nothing is
 * saved), then import exactly that, all rows or none; a bad file lists every bad row in the interface language.
 */
export function CsvImport<P, R>({
  heading,
  hint,
  preview,
  renderPreview,
  apply,
  renderApplied,
  onApplied,
}: {
  heading: string;
  hint: ReactNode;
  preview: (csv: string, options: RequestOptions) => Promise<P>;
  renderPreview: (preview: P) => ReactNode;
  apply: (csv: string, options: RequestOptions) => Promise<R>;
  renderApplied: (result: R) => ReactNode;
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<{ csv: string; preview: P } | null>(null);
  const [applied, setApplied] = useState<R | null>(null);
  const checking = useSubmit<P>();
  const importing = useSubmit<R>();
  const error = importing.error ?? checking.error;
  const problems = importProblemsOf(error);

  const change = (csv: string) => {
    setText(csv);
    setShown(null);
    checking.reset();
    importing.reset();
  };
  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) change(await file.text());
  }
  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setApplied(null);
    importing.reset();
    const isEmpty = text.trim() === "";
    setEmpty(isEmpty);
    if (isEmpty) return;
    const result = await checking.run((options) => preview(text, options));
    setShown(result.ok ? { csv: text, preview: result.data } : null);
  }
  async function onApply() {
    if (!shown) return;
    setAttempt((n) => n + 1);
    const result = await importing.run((options) => apply(shown.csv, options));
    if (result.ok) {
      setShown(null);
      setApplied(result.data);
      onApplied();
    }
  }

  return (
    <section className="content-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <form className="form form--card form--wide" noValidate onSubmit={onPreview}>
        <ErrorSummary
          items={empty ? [{ fieldId: `${id}-text`, message: t("survey.rounds.import.empty") }] : []}
          attempt={attempt}
        />
        <div className="field__hint">{hint}</div>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t("survey.rounds.import.file")}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="input"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <TextAreaField
          id={`${id}-text`}
          label={t("survey.rounds.import.text")}
          value={text}
          rows={6}
          error={empty ? t("survey.rounds.import.empty") : undefined}
          onChange={(event) => change(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("survey.rounds.import.preview")}
          </button>
        </div>
      </form>
      <ImportProblemList problems={problems} attempt={attempt} />
      {error && problems.length === 0 ? <ProblemAlert error={error} /> : null}
      <div role="status">{applied === null ? null : renderApplied(applied)}</div>
      {shown ? (
        <div className="import-preview">
          {renderPreview(shown.preview)}
          <button type="button" className="button" onClick={() => void onApply()}>
            {t("survey.rounds.import.apply")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
