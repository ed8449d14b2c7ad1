import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";

/** Previous and next links that keep the other filters of the URL; nothing when everything fits one page. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefOf = (target: number) => {
    const next = new URLSearchParams(searchParams);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav className="feedback-pagination" aria-label={t("feedback.pagination.label")}>
      {page > 1 ? <Link to={hrefOf(page - 1)}>{t("feedback.pagination.previous")}</Link> : null}
      <span>{t("feedback.pagination.position", { page, pages })}</span>
      {page < pages ? <Link to={hrefOf(page + 1)}>{t("feedback.pagination.next")}</Link> : null}
    </nav>
  );
}
