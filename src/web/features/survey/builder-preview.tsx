import { useMemo, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { LOCALES, type Locale, type LocalizedText, pickText } from "../../../contracts/localized-text.ts";
import type { Answers, Question } from "../../../contracts/survey.ts";
import { isShown, QuestionField } from "./question-field.tsx";

/** What the preview shows: a saved version or the draft being edited. */
type Previewed = {
  title: LocalizedText;
  intro?: LocalizedText | null | undefined;
  questions: readonly Question[];
};

/** The questionnaire as a resident sees it, in the preview's language; answers stay on the page. */
function PreviewForm({ input, locale }: { input: Previewed; locale: Locale }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const title = pickText(input.title, locale);
  const intro = input.intro ? pickText(input.intro, locale) : undefined;
  let section = "";
  return (
    <div className="builder-preview__form" lang={locale}>
      <h3 lang={title.lang}>{title.text || t("survey.builder.untitled")}</h3>
      {intro ? <p lang={intro.lang}>{intro.text}</p> : null}
      {input.questions
        .filter((q) => isShown(q, answers))
        .map((question, index) => {
          const heading = question.section ? pickText(question.section, locale) : undefined;
          const header =
            heading && heading.text !== section ? (
              <h4 className="survey-section" lang={heading.lang}>
                {heading.text}
              </h4>
            ) : null;
          if (heading) section = heading.text;
          return (
            // Keys may repeat while a draft is being fixed; the place is unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <div key={`${index}-${question.key}`}>
              {header}
              <QuestionField
                question={question}
                prefix="esikatselu"
                value={answers[question.key]}
                onChange={(value) => setAnswers((a) => ({ ...a, [question.key]: value }))}
              />
            </div>
          );
        })}
    </div>
  );
}

/**
 * The preview of the questionnaire being edited, in a language chosen here (independent of the interface
 * language): the answer page's own question fields under an i18next instance of that language, so the
 * "don't know" choice and "required" marks read as the resident will see them. Display conditions work.
 */
export function BuilderPreview({ input, open = false }: { input: Previewed; open?: boolean }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>("fi");
  // Closed by default in the editor: a long questionnaire re-rendered on every keystroke slows typing.
  const [shown, setShown] = useState(open);
  return (
    <section className="content-section builder-preview" aria-labelledby="esikatselu-h">
      <h2 id="esikatselu-h">{t("survey.builder.previewHeading")}</h2>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={shown}
        aria-controls="esikatselu-sisalto"
        onClick={() => setShown((value) => !value)}
      >
        {shown ? t("survey.builder.hidePreview") : t("survey.builder.showPreview")}
      </button>
      <div id="esikatselu-sisalto" hidden={!shown}>
        {shown ? <PreviewBody input={input} locale={locale} setLocale={setLocale} /> : null}
      </div>
    </section>
  );
}

function PreviewBody({
  input,
  locale,
  setLocale,
}: {
  input: Previewed;
  locale: Locale;
  setLocale: (locale: Locale) => void;
}) {
  const { t, i18n } = useTranslation();
  const previewI18n = useMemo(() => i18n.cloneInstance({ lng: locale }), [i18n, locale]);
  return (
    <>
      <fieldset className="builder-preview__languages">
        <legend className="field__label">{t("survey.builder.previewLanguage")}</legend>
        {LOCALES.map((l) => (
          <label key={l} className="survey-choice" htmlFor={`esikatselu-kieli-${l}`}>
            <input
              id={`esikatselu-kieli-${l}`}
              type="radio"
              name="esikatselu-kieli"
              value={l}
              checked={locale === l}
              onChange={() => setLocale(l)}
            />
            <span lang={l}>{i18n.getFixedT(l)("language.selfName")}</span>
          </label>
        ))}
      </fieldset>
      <I18nextProvider i18n={previewI18n}>
        <PreviewForm input={input} locale={locale} />
      </I18nextProvider>
    </>
  );
}
