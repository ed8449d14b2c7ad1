import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FeedbackService } from "../../../contracts/feedback.ts";
import { TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { groupServices, matchesSearch } from "./feedback-helpers.ts";

/** The id of the first radio button, for the error summary's link. */
export const SERVICE_FIELD_ID = "feedback-service-search";

/**
 * Choosing what the request is about: a search box that narrows the list as one types, and the services
 * as radio buttons in one fieldset per group. The chosen service stays listed whatever the search, and
 * the number of matches is announced politely.
 */
export function ServicePicker({
  services,
  value,
  onChange,
  error,
}: {
  services: FeedbackService[];
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const [query, setQuery] = useState("");
  const id = useId();
  const shown = services.filter((s) => s.code === value || matchesSearch(s, query, locale));
  const groups = groupServices(shown, locale);
  const matches = shown.filter((s) => s.code !== value || matchesSearch(s, query, locale)).length;

  return (
    <fieldset
      className={`feedback-fieldset${error ? " field--error" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="feedback-fieldset__legend">{t("feedback.report.serviceLegend")}</legend>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <TextField
        id={SERVICE_FIELD_ID}
        type="search"
        label={t("feedback.report.serviceSearch")}
        hint={t("feedback.report.serviceSearchHint")}
        value={query}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="feedback-muted" aria-live="polite">
        {query.trim() ? t("feedback.report.serviceMatches", { count: matches }) : ""}
      </p>
      {groups.map((group) => {
        const groupName = group.name ? localize(group.name) : undefined;
        return (
          <fieldset key={group.key} className="feedback-service-group">
            <legend className="feedback-service-group__legend" lang={groupName?.lang}>
              {groupName ? groupName.text : t("feedback.report.otherGroup")}
            </legend>
            <ul className="feedback-service-list">
              {group.services.map((service) => {
                const name = localize(service.name);
                const description = service.description ? localize(service.description) : undefined;
                const radioId = `${id}-${service.code}`;
                return (
                  <li key={service.code} className="feedback-radio">
                    <input
                      id={radioId}
                      type="radio"
                      name="service"
                      value={service.code}
                      checked={value === service.code}
                      onChange={() => onChange(service.code)}
                      aria-describedby={description ? `${radioId}-d` : undefined}
                    />
                    <label htmlFor={radioId} lang={name.lang}>
                      {name.text}
                    </label>
                    {description ? (
                      <span id={`${radioId}-d`} className="feedback-radio__hint" lang={description.lang}>
                        {description.text}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
      {groups.length === 0 ? <p className="notice">{t("feedback.report.serviceNone")}</p> : null}
    </fieldset>
  );
}

/** Options of a service filter, grouped as the report form groups them. */
export function ServiceOptions({ services }: { services: FeedbackService[] }) {
  const locale = useLocale();
  const localize = useLocalize();
  const { t } = useTranslation();
  return (
    <>
      {groupServices(services, locale).map((group) => (
        <optgroup
          key={group.key}
          label={group.name ? localize(group.name).text : t("feedback.report.otherGroup")}
        >
          {group.services.map((service) => (
            <option key={service.code} value={service.code}>
              {localize(service.name).text}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
