import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MODULE_NAMES, type ModuleStatus } from "../../../contracts/meta.ts";

/** Whether a module path is a page of this app (so it is linked through the router). */
export function isAppPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/api/");
}

/**
 * Keskiö's modules in the contract's order. A module that is not in service is shown as "coming later",
 * plain text and never a link; the status is written out, not only shown by colour.
 */
export function ModuleList({ modules }: { modules: ModuleStatus[] }) {
  const { t } = useTranslation();
  const ordered = modules
    .filter((module) => MODULE_NAMES.includes(module.name))
    .sort((a, b) => MODULE_NAMES.indexOf(a.name) - MODULE_NAMES.indexOf(b.name));
  return (
    <ul className="card-grid module-list">
      {ordered.map((module) => {
        const name = t(`modules.names.${module.name}`);
        const usable = module.available && module.path !== null && isAppPath(module.path);
        return (
          <li
            key={module.name}
            className={`card module ${module.available ? "module--available" : "module--coming"}`}
          >
            <h3 className="card__title">
              {usable && module.path ? (
                <Link to={module.path} className="card__link">
                  {name}
                </Link>
              ) : (
                name
              )}
            </h3>
            <p className="card__body">{t(`modules.descriptions.${module.name}`)}</p>
            <p className={`badge ${module.available ? "badge--available" : "badge--coming"}`}>
              {module.available ? t("modules.available") : t("modules.comingLater")}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
