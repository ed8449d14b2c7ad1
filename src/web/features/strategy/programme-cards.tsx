import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProgrammeSummary } from "../../../contracts/strategy.ts";
import { programmePath } from "../../../contracts/web-routes.ts";
import { useLocalize } from "../../components/localized.ts";

/** The strategy's programmes as cards, each linking to its programme page. */
export function ProgrammeCards({ programmes }: { programmes: ProgrammeSummary[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ordered = [...programmes].sort((a, b) => a.position - b.position);
  return (
    <ul className="card-grid programme-cards">
      {ordered.map((programme) => {
        const name = localize(programme.name);
        const summary = localize(programme.summary);
        return (
          <li key={programme.id} className="card card--link programme-card">
            <h3 className="card__title">
              <Link to={programmePath(programme.slug)} className="card__link" lang={name.lang}>
                {name.text}
              </Link>
            </h3>
            <p className="card__body" lang={summary.lang}>
              {summary.text}
            </p>
            <span className="card__more" aria-hidden="true">
              {t("home.programmeLinkHint")}
              <span className="card__arrow" />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
