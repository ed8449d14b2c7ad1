import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AREAS, THEMES } from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { fetchOpportunities } from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { SelectField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { ExampleLabel, formatShift, VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

/** Every published task, searchable by words and filtered by theme and area. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get("q") ?? "",
    theme: params.get("theme") ?? "",
    area: params.get("area") ?? "",
  };
  const list = useApiResource(`opportunities?${params.toString()}`, locale, (options) =>
    fetchOpportunities(filter, options),
  );
  useDocumentTitle(t("volunteering.list.title"), list.status !== "loading");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ["q", "theme", "area"]) {
      const value = String(data.get(key) ?? "").trim();
      if (value) next[key] = value;
    }
    setParams(next);
  }

  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") }]}
        current={t("volunteering.list.title")}
      />
      <header className="page-header">
        <PageHeading>{t("volunteering.list.title")}</PageHeading>
        <p className="lead">{t("volunteering.list.intro")}</p>
      </header>
      <form className="form filter-form" onSubmit={onSubmit} aria-label={t("volunteering.list.filters")}>
        <TextField
          id="list-q"
          name="q"
          label={t("volunteering.list.search")}
          defaultValue={filter.q}
          maxLength={100}
        />
        <SelectField
          id="list-theme"
          name="theme"
          label={t("volunteering.list.theme")}
          defaultValue={filter.theme}
        >
          <option value="">{t("volunteering.list.any")}</option>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`volunteering.themes.${theme}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="list-area"
          name="area"
          label={t("volunteering.list.area")}
          defaultValue={filter.area}
        >
          <option value="">{t("volunteering.list.any")}</option>
          {AREAS.map((area) => (
            <option key={area} value={area}>
              {t(`volunteering.areas.${area}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("volunteering.list.apply")}
          </button>
        </div>
      </form>
      <LoadingStatus loading={list.status === "loading"} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <section aria-labelledby="list-results" className="volunteering-section">
          <h2 id="list-results">{t("volunteering.list.count", { count: list.data.length })}</h2>
          <ul className="opportunity-list">
            {list.data.map((o) => {
              const title = local(o.title);
              const next = o.shifts[0];
              return (
                <li key={o.id}>
                  <h3 lang={title.lang}>
                    <Link to={VOLUNTEERING_PATHS.opportunity(o.id)}>{title.text}</Link>
                  </h3>
                  <p>
                    {o.organisationName} · {t(`volunteering.areas.${o.area}`)}{" "}
                    {o.isExample ? <ExampleLabel /> : null}
                  </p>
                  <p>
                    {next
                      ? t("volunteering.wish.nextShift", { when: formatShift(next, locale) })
                      : t("volunteering.wish.noShifts")}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
