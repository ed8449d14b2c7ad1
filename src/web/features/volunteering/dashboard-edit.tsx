import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HoursView } from "../../../contracts/volunteering.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { recordHours } from "../../api/volunteering/volunteering.api.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";

/**
 * A representative records hours for a confirmed volunteer of a started shift (someone without an account, or
 * who forgot): the hours are confirmed at once by the representative, and the server audits it.
 */
export function RecordHoursForm({
  signupId,
  name,
  onDone,
}: {
  signupId: string;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmit<HoursView>();
  const [hours, setHours] = useState("");
  const [bad, setBad] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const id = `record-${signupId}`;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const value = Number(hours.replace(",", "."));
    const wrong = !Number.isFinite(value) || value < 0.25 || value > 24;
    setBad(wrong);
    if (wrong) return submission.reset();
    const result = await submission.run((options) =>
      recordHours(signupId, { minutes: Math.round(value * 60) }, options),
    );
    if (result.ok) {
      setHours("");
      onDone();
    }
  }
  return (
    <form
      className="form form--inline record-hours"
      noValidate
      aria-label={t("volunteering.dashboard.recordFor", { name })}
      onSubmit={(event) => void onSubmit(event)}
    >
      <ErrorSummary
        error={submission.error}
        items={bad ? [{ fieldId: id, message: t("volunteering.errors.hours") }] : []}
        attempt={attempt}
      />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("volunteering.dashboard.recorded", { name }) : ""}
      </p>
      <TextField
        id={id}
        inputMode="decimal"
        maxLength={5}
        label={t("volunteering.dashboard.recordLabel", { name })}
        value={hours}
        error={bad ? t("volunteering.errors.hours") : undefined}
        onChange={(event) => setHours(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--small">
          {t("volunteering.dashboard.record")}
        </button>
      </div>
    </form>
  );
}
