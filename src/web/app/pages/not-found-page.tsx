import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../components/document-title.ts";
import { NotFoundContent } from "../../components/not-found.tsx";

/** The page for paths the app does not know (the server answers them with status 404). */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return <NotFoundContent />;
}
