import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { pickText } from "../../../contracts/localized-text.ts";
import {
  DONT_KNOW,
  QUESTION_TYPES,
  type Questionnaire,
  type QuestionnaireListItem,
  type QuestionType,
  SHORT_TEXT_MAX,
  WEIGHTING_VARIABLES,
  type WeightingVariable,
} from "../../../contracts/survey.ts";
import { surveyQuestionnairePath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import {
  createQuestionnaire,
  fetchQuestionnaireList,
  fetchQuestionnaireTemplate,
  updateQuestionnaire,
} from "../../api/survey/questionnaires.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  type SummaryItem,
  TextField,
} from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { type FieldErrors, LocalizedInputs } from "./builder-fields.tsx";
import {
  allowsDontKnow,
  allQuestions,
  canMoveQuestion,
  conditionValues,
  type Draft,
  type DraftSource,
  draftValues,
  earlierQuestions,
  emptyDraft,
  fieldOfPath,
  formFieldId,
  freeOptionValue,
  fromDraft,
  hasChoices,
  hasSatisfiedValues,
  moveItem,
  moveQuestion,
  newOption,
  newQuestion,
  newSection,
  type QuestionDraft,
  questionFieldId,
  type SectionDraft,
  sectionFieldId,
  toDraft,
  updateQuestion,
} from "./builder-model.ts";
import { BuilderPreview } from "./builder-preview.tsx";
import { FROM_TEMPLATE } from "./questionnaires-page.tsx";
import "./builder.css";
import "./survey.css";

type Setter = (change: (draft: Draft) => Draft) => void;

/** What the editor needs to say and do after a move or a removal: where focus goes, what is announced. */
type After = { focus: string; announce: string };

/** The version a draft's questions are compared with across years: the latest earlier one of its key. */
function previousVersion(
  items: readonly QuestionnaireListItem[],
  key: string,
  below: number,
): QuestionnaireListItem | undefined {
  return items
    .filter((i) => i.key === key.trim() && i.version < below)
    .sort((a, b) => b.version - a.version)[0];
}

function TrendTag({ question, previous }: { question: QuestionDraft; previous?: QuestionnaireListItem }) {
  const { t } = useTranslation();
  if (!previous) return null;
  const earlier = previous.questions.find((q) => q.key === question.key.trim());
  const text = !earlier
    ? t("survey.builder.trendNew", { version: previous.version })
    : earlier.type === question.type
      ? t("survey.builder.trendLinked", { version: previous.version })
      : t("survey.builder.trendTypeChanged", { version: previous.version });
  return (
    <span className={`builder-tag${earlier?.type === question.type ? " builder-tag--linked" : ""}`}>
      {text}
    </span>
  );
}

/**
 * "Move up" and "move down" of one item, by keyboard as well as by pointer (no drag only). The one that can
 * no longer move is disabled; the caller puts the focus back on a button that still works.
 */
function MoveButtons({
  idOf,
  canUp,
  canDown,
  which,
  onMove,
  labels,
}: {
  idOf: (direction: "up" | "down") => string;
  canUp: boolean;
  canDown: boolean;
  which: ReactNode;
  onMove: (delta: -1 | 1) => void;
  labels?: [string, string];
}) {
  const { t } = useTranslation();
  const [up, down] = labels ?? [t("survey.builder.moveUp"), t("survey.builder.moveDown")];
  return (
    <>
      <button
        type="button"
        id={idOf("up")}
        className="button button--secondary button--small"
        disabled={!canUp}
        onClick={() => onMove(-1)}
      >
        {up}
        {which}
      </button>
      <button
        type="button"
        id={idOf("down")}
        className="button button--secondary button--small"
        disabled={!canDown}
        onClick={() => onMove(1)}
      >
        {down}
        {which}
      </button>
    </>
  );
}

function OptionsEditor({
  question,
  set,
  errors,
  after,
}: {
  question: QuestionDraft;
  set: Setter;
  errors: FieldErrors;
  after: (next: After) => void;
}) {
  const { t } = useTranslation();
  const id = (name: string) => questionFieldId(question.uid, name);
  const change = (options: QuestionDraft["options"]) =>
    set((d) => updateQuestion(d, question.uid, (q) => ({ ...q, options })));
  const counts = new Map<string, number>();
  for (const o of question.options) counts.set(o.value.trim(), (counts.get(o.value.trim()) ?? 0) + 1);
  return (
    <fieldset className="builder-options">
      <legend className="field__label">{t("survey.builder.options")}</legend>
      <p className="field__hint">{t("survey.builder.optionsHint")}</p>
      <ol className="builder-list">
        {question.options.map((option, index) => {
          const n = index + 1;
          const duplicate = (counts.get(option.value.trim()) ?? 0) > 1;
          return (
            <li key={option.uid} className="builder-option">
              <TextField
                id={id(`opt-${index}-value`)}
                label={t("survey.builder.optionValue", { n })}
                hint={index === 0 ? t("survey.builder.optionValueHint") : undefined}
                value={option.value}
                error={
                  errors.get(id(`opt-${index}-value`)) ??
                  (duplicate ? t("survey.builder.duplicateValue") : undefined)
                }
                spellCheck={false}
                autoComplete="off"
                onChange={(e) =>
                  change(
                    question.options.map((o) => (o.uid === option.uid ? { ...o, value: e.target.value } : o)),
                  )
                }
              />
              <LocalizedInputs
                idOf={(l) => id(`opt-${index}-label-${l}`)}
                legend={t("survey.builder.optionLabel", { n })}
                value={option.label}
                errors={errors}
                required
                onChange={(label) =>
                  change(question.options.map((o) => (o.uid === option.uid ? { ...o, label } : o)))
                }
              />
              <div className="button-row">
                <MoveButtons
                  idOf={(direction) => id(`opt-${index}-${direction}`)}
                  canUp={index > 0}
                  canDown={index < question.options.length - 1}
                  which={<span className="visually-hidden"> {t("survey.builder.optionN", { n })}</span>}
                  onMove={(delta) => {
                    const target = index + delta;
                    change(moveItem(question.options, index, delta));
                    const atEdge = target === 0 || target === question.options.length - 1;
                    const direction = delta < 0 !== atEdge ? "up" : "down";
                    after({
                      focus: id(`opt-${target}-${direction}`),
                      announce: t("survey.builder.optionMoved", { n: target + 1 }),
                    });
                  }}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    change(question.options.filter((o) => o.uid !== option.uid));
                    after({ focus: id("add-option"), announce: t("survey.builder.optionRemoved", { n }) });
                  }}
                >
                  {t("survey.builder.remove")}
                  <span className="visually-hidden"> {t("survey.builder.optionN", { n })}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={id("add-option")}
        className="button button--secondary button--small"
        onClick={() => {
          const index = question.options.length;
          change([...question.options, newOption(freeOptionValue(question))]);
          after({ focus: id(`opt-${index}-value`), announce: "" });
        }}
      >
        {t("survey.builder.addOption")}
      </button>
      {errors.get(id("add-option")) ? <p className="field__error">{errors.get(id("add-option"))}</p> : null}
    </fieldset>
  );
}

function valueLabel(question: QuestionDraft, value: string, dontKnow: string): string {
  if (value === DONT_KNOW) return dontKnow;
  const option = question.options.find((o) => o.value.trim() === value);
  return option ? `${option.label.fi || value} (${value})` : value;
}

function QuestionFields({
  draft,
  question,
  set,
  errors,
  after,
}: {
  draft: Draft;
  question: QuestionDraft;
  set: Setter;
  errors: FieldErrors;
  after: (next: After) => void;
}) {
  const { t } = useTranslation();
  const id = (name: string) => questionFieldId(question.uid, name);
  const patch = (change: Partial<QuestionDraft>) =>
    set((d) => updateQuestion(d, question.uid, (q) => ({ ...q, ...change })));
  const earlier = earlierQuestions(draft, question.uid).filter((q) => hasChoices(q.type));
  const condition = allQuestions(draft).find((q) => q.key === question.showIfQuestion);
  const isEarlier = earlier.some((q) => q.key === question.showIfQuestion);
  const dontKnow = t("survey.answer.dontKnow");
  return (
    <div className="builder-question__fields">
      <TextField
        id={id("key")}
        label={t("survey.builder.questionKey")}
        hint={t("survey.builder.questionKeyHint")}
        value={question.key}
        error={errors.get(id("key"))}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => patch({ key: e.target.value })}
      />
      <SelectField
        id={id("type")}
        label={t("survey.builder.questionType")}
        value={question.type}
        error={errors.get(id("type"))}
        onChange={(e) => {
          const type = e.target.value as QuestionType;
          const needsOptions = (type === "single" || type === "multi") && question.options.length === 0;
          patch({
            type,
            options: needsOptions
              ? [newOption("1", "Vaihtoehto 1"), newOption("2", "Vaihtoehto 2")]
              : question.options,
          });
        }}
      >
        {QUESTION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`survey.builder.types.${type}`)}
          </option>
        ))}
      </SelectField>
      <LocalizedInputs
        idOf={(l) => id(`text-${l}`)}
        legend={t("survey.builder.questionText")}
        value={question.text}
        errors={errors}
        required
        onChange={(text) => patch({ text })}
      />
      <LocalizedInputs
        idOf={(l) => id(`help-${l}`)}
        legend={t("survey.builder.questionHelp")}
        hint={t("survey.builder.questionHelpHint")}
        value={question.help}
        errors={errors}
        onChange={(help) => patch({ help })}
      />
      <CheckboxField
        id={id("required")}
        label={t("survey.builder.required")}
        checked={question.required}
        error={errors.get(id("required"))}
        onChange={(e) => patch({ required: e.target.checked })}
      />
      {question.type === "single" || question.type === "multi" ? (
        <OptionsEditor question={question} set={set} errors={errors} after={after} />
      ) : null}
      {allowsDontKnow(question.type) ? (
        <CheckboxField
          id={id("dk")}
          label={t("survey.builder.allowDontKnow", { label: dontKnow })}
          hint={t("survey.builder.allowDontKnowHint")}
          checked={question.allowDontKnow}
          error={errors.get(id("dk"))}
          onChange={(e) => patch({ allowDontKnow: e.target.checked })}
        />
      ) : null}
      {question.type === "text" ? (
        <CheckboxField
          id={id("short")}
          label={t("survey.builder.shortText")}
          hint={t("survey.builder.shortTextHint", { max: SHORT_TEXT_MAX })}
          checked={question.short}
          error={errors.get(id("short"))}
          onChange={(e) => patch({ short: e.target.checked })}
        />
      ) : null}
      {question.type === "number" ? (
        <div className="builder-pair">
          <TextField
            id={id("min")}
            label={t("survey.builder.min")}
            type="number"
            inputMode="decimal"
            value={question.min}
            error={errors.get(id("min"))}
            onChange={(e) => patch({ min: e.target.value })}
          />
          <TextField
            id={id("max")}
            label={t("survey.builder.max")}
            type="number"
            inputMode="decimal"
            value={question.max}
            error={errors.get(id("max"))}
            onChange={(e) => patch({ max: e.target.value })}
          />
        </div>
      ) : null}
      <SelectField
        id={id("showif-question")}
        label={t("survey.builder.showIf")}
        hint={t("survey.builder.showIfHint")}
        value={question.showIfQuestion}
        error={errors.get(id("showif-question"))}
        onChange={(e) => patch({ showIfQuestion: e.target.value, showIfValues: [] })}
      >
        <option value="">{t("survey.builder.always")}</option>
        {earlier.map((q) => (
          <option key={q.uid} value={q.key}>
            {q.key}: {q.text.fi}
          </option>
        ))}
        {question.showIfQuestion && !isEarlier ? (
          <option value={question.showIfQuestion}>
            {t("survey.builder.notEarlier", { key: question.showIfQuestion })}
          </option>
        ) : null}
      </SelectField>
      {condition && isEarlier ? (
        <fieldset className="builder-values">
          <legend className="field__label">{t("survey.builder.showIfValues", { key: condition.key })}</legend>
          {conditionValues(condition).map((value, index) => (
            <CheckboxField
              key={value}
              id={id(`showif-${index}`)}
              label={valueLabel(condition, value, dontKnow)}
              checked={question.showIfValues.includes(value)}
              onChange={(e) =>
                patch({
                  showIfValues: e.target.checked
                    ? [...question.showIfValues, value]
                    : question.showIfValues.filter((v) => v !== value),
                })
              }
            />
          ))}
        </fieldset>
      ) : null}
      {question.type === "single" ? (
        <SelectField
          id={id("weighting")}
          label={t("survey.builder.weighting")}
          hint={t("survey.builder.weightingHint")}
          value={question.weighting}
          error={errors.get(id("weighting"))}
          onChange={(e) => patch({ weighting: e.target.value as WeightingVariable | "" })}
        >
          <option value="">{t("survey.builder.noWeighting")}</option>
          {WEIGHTING_VARIABLES.map((v) => (
            <option key={v} value={v}>
              {t(`survey.domains.${v}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {hasSatisfiedValues(question.type) ? (
        <fieldset className="builder-values">
          <legend className="field__label">{t("survey.builder.satisfied")}</legend>
          <p className="field__hint">{t("survey.builder.satisfiedHint")}</p>
          {draftValues(question).map((value, index) => (
            <CheckboxField
              key={value}
              id={id(`satisfied-${index}`)}
              label={valueLabel(question, value, dontKnow)}
              checked={question.satisfiedValues.includes(value)}
              error={index === 0 ? errors.get(id("satisfied-0")) : undefined}
              onChange={(e) =>
                patch({
                  satisfiedValues: e.target.checked
                    ? [...question.satisfiedValues, value]
                    : question.satisfiedValues.filter((v) => v !== value),
                })
              }
            />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

function QuestionCard({
  draft,
  question,
  number,
  expanded,
  onToggle,
  set,
  errors,
  after,
  previous,
}: {
  draft: Draft;
  question: QuestionDraft;
  number: number;
  expanded: boolean;
  onToggle: () => void;
  set: Setter;
  errors: FieldErrors;
  after: (next: After) => void;
  previous?: QuestionnaireListItem | undefined;
}) {
  const { t } = useTranslation();
  const id = (name: string) => questionFieldId(question.uid, name);
  const which = <span className="visually-hidden"> {t("survey.builder.questionN", { n: number })}</span>;
  const move = (delta: -1 | 1) => {
    const next = moveQuestion(draft, question.uid, delta);
    set(() => next);
    const position = allQuestions(next).findIndex((q) => q.uid === question.uid) + 1;
    const stays = canMoveQuestion(next, question.uid, delta);
    after({
      focus: id(stays === delta < 0 ? "up" : "down"),
      announce: t("survey.builder.questionMoved", { n: position }),
    });
  };
  return (
    <li className="builder-question">
      <h4 id={id("heading")} className="builder-question__heading">
        {number}. {question.text.fi || question.key}
      </h4>
      <p className="builder-question__meta">
        <code>{question.key}</code> · {t(`survey.builder.types.${question.type}`)}
        {question.required ? ` · ${t("survey.builder.requiredShort")}` : ""}
        {question.showIfQuestion
          ? ` · ${t("survey.builder.conditional", { key: question.showIfQuestion })}`
          : ""}
        {question.weighting ? ` · ${t(`survey.domains.${question.weighting}`)}` : ""}{" "}
        <TrendTag question={question} previous={previous} />
      </p>
      <div className="button-row">
        <button
          type="button"
          id={id("edit")}
          className="button button--small"
          aria-expanded={expanded}
          aria-controls={id("body")}
          onClick={onToggle}
        >
          {expanded ? t("survey.builder.close") : t("survey.builder.edit")}
          {which}
        </button>
        <MoveButtons
          idOf={id}
          canUp={canMoveQuestion(draft, question.uid, -1)}
          canDown={canMoveQuestion(draft, question.uid, 1)}
          which={which}
          onMove={move}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            set((d) => ({
              ...d,
              sections: d.sections.map((s) => ({
                ...s,
                questions: s.questions.filter((q) => q.uid !== question.uid),
              })),
            }));
            after({ focus: "lisaa-kysymys", announce: t("survey.builder.questionRemoved", { n: number }) });
          }}
        >
          {t("survey.builder.remove")}
          {which}
        </button>
      </div>
      <div id={id("body")} hidden={!expanded}>
        {expanded ? (
          <QuestionFields draft={draft} question={question} set={set} errors={errors} after={after} />
        ) : null}
      </div>
    </li>
  );
}

function SectionEditor({
  draft,
  section,
  index,
  firstNumber,
  expanded,
  toggle,
  set,
  errors,
  after,
  previous,
}: {
  draft: Draft;
  section: SectionDraft;
  index: number;
  firstNumber: number;
  expanded: ReadonlySet<string>;
  toggle: (uid: string, open?: boolean) => void;
  set: Setter;
  errors: FieldErrors;
  after: (next: After) => void;
  previous?: QuestionnaireListItem | undefined;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<QuestionType>("likert5");
  const id = (name: string) => sectionFieldId(section.uid, name);
  const n = index + 1;
  const which = <span className="visually-hidden"> {t("survey.builder.sectionN", { n })}</span>;
  const moveSection = (delta: -1 | 1) => {
    set((d) => ({ ...d, sections: moveItem(d.sections, index, delta) }));
    const target = index + delta;
    const atEdge = target === 0 || target === draft.sections.length - 1;
    after({
      focus: id(delta < 0 !== atEdge ? "up" : "down"),
      announce: t("survey.builder.sectionMoved", { n: target + 1 }),
    });
  };
  return (
    <section className="builder-section" aria-labelledby={id("heading")}>
      <h3 id={id("heading")}>
        {t("survey.builder.sectionHeading", { n })}
        {section.title.fi ? `: ${section.title.fi}` : ""}
      </h3>
      <LocalizedInputs
        idOf={(l) => id(`title-${l}`)}
        legend={t("survey.builder.sectionTitle")}
        hint={t("survey.builder.sectionTitleHint")}
        value={section.title}
        errors={errors}
        onChange={(title) =>
          set((d) => ({
            ...d,
            sections: d.sections.map((s) => (s.uid === section.uid ? { ...s, title } : s)),
          }))
        }
      />
      <div className="button-row">
        <MoveButtons
          idOf={id}
          canUp={index > 0}
          canDown={index < draft.sections.length - 1}
          which={which}
          onMove={moveSection}
          labels={[t("survey.builder.moveSectionUp"), t("survey.builder.moveSectionDown")]}
        />
        {section.questions.length === 0 && draft.sections.length > 1 ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              set((d) => ({ ...d, sections: d.sections.filter((s) => s.uid !== section.uid) }));
              after({ focus: "lisaa-osio", announce: t("survey.builder.sectionRemoved", { n }) });
            }}
          >
            {t("survey.builder.removeSection")}
            {which}
          </button>
        ) : null}
      </div>
      {section.questions.length === 0 ? <p>{t("survey.builder.emptySection")}</p> : null}
      <ol className="builder-list" start={firstNumber}>
        {section.questions.map((question, i) => (
          <QuestionCard
            key={question.uid}
            draft={draft}
            question={question}
            number={firstNumber + i}
            expanded={expanded.has(question.uid)}
            onToggle={() => toggle(question.uid)}
            set={set}
            errors={errors}
            after={after}
            previous={previous}
          />
        ))}
      </ol>
      <div className="builder-add">
        <SelectField
          id={id("new-type")}
          label={t("survey.builder.newQuestionType")}
          value={type}
          onChange={(e) => setType(e.target.value as QuestionType)}
        >
          {QUESTION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`survey.builder.types.${value}`)}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          id={index === 0 ? "lisaa-kysymys" : id("add")}
          className="button button--secondary"
          onClick={() => {
            const question = newQuestion(type, draft);
            set((d) => ({
              ...d,
              sections: d.sections.map((s) =>
                s.uid === section.uid ? { ...s, questions: [...s.questions, question] } : s,
              ),
            }));
            toggle(question.uid, true);
            after({ focus: questionFieldId(question.uid, "text-fi"), announce: "" });
          }}
        >
          {t("survey.builder.addQuestion")}
          {which}
        </button>
      </div>
    </section>
  );
}

/** The problem's fields as error-summary lines and per-field messages; questions with errors are named. */
function problemFields(
  draft: Draft,
  fields: readonly { path: string; message: string }[],
  questionLabel: (n: number, key: string) => string,
): { items: SummaryItem[]; byField: Map<string, string>; questions: string[] } {
  const byField = new Map<string, string>();
  const questions = new Set<string>();
  const all = allQuestions(draft);
  const labelled = new Map<string, string>();
  for (const field of fields) {
    const { fieldId, question } = fieldOfPath(draft, field.path);
    const q = question === null ? undefined : all[question];
    if (q) questions.add(q.uid);
    const prefix = q && question !== null ? `${questionLabel(question + 1, q.key)}: ` : "";
    byField.set(fieldId, byField.has(fieldId) ? `${byField.get(fieldId)} ${field.message}` : field.message);
    labelled.set(
      fieldId,
      labelled.has(fieldId) ? `${labelled.get(fieldId)} ${field.message}` : prefix + field.message,
    );
  }
  return {
    items: [...labelled].map(([fieldId, message]) => ({ fieldId, message })),
    byField,
    questions: [...questions],
  };
}

function LockedView({
  item,
  items,
}: {
  item: QuestionnaireListItem;
  items: readonly QuestionnaireListItem[];
}) {
  const { t } = useTranslation();
  const later = items
    .filter((i) => i.key === item.key && i.version > item.version)
    .sort((a, b) => b.version - a.version)[0];
  return (
    <>
      <div className="notice-card">
        <h2>{t("survey.builder.lockedHeading")}</h2>
        <p>
          {t("survey.builder.lockedText", {
            responses: item.responses,
            rounds: item.rounds.map((r) => r.year).join(", "),
          })}
        </p>
        {later ? (
          <p>
            <Link to={surveyQuestionnairePath(later.id)}>
              {t("survey.builder.openLater", { version: later.version })}
            </Link>
          </p>
        ) : (
          <p>
            <Link className="button" to={surveyQuestionnairePath("new", item.id)}>
              {t("survey.builder.makeNewVersion")}
            </Link>
          </p>
        )}
      </div>
      <BuilderPreview input={item} open />
    </>
  );
}

function Editor({
  id,
  source,
  items,
  onSaved,
}: {
  id: string;
  source: DraftSource | null;
  items: readonly QuestionnaireListItem[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const isNew = id === "new";
  const item = items.find((i) => i.id === id);
  const [draft, setDraft] = useState<Draft>(() => (source ? toDraft(source) : emptyDraft()));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() =>
    source ? new Set() : new Set(allQuestions(draft).map((q) => q.uid)),
  );
  const [problem, setProblem] = useState<ReturnType<typeof problemFields>>({
    items: [],
    byField: new Map(),
    questions: [],
  });
  const [saved, setSaved] = useState<string>(
    (location.state as { saved?: number } | null)?.saved
      ? t("survey.builder.savedVersion", {
          version: (location.state as { saved: number }).saved,
        })
      : "",
  );
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  const submit = useSubmit<Questionnaire>();

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const set: Setter = (change) => setDraft((d) => change(d));
  const after = (next: After) => {
    setFocusId(next.focus);
    setAnnouncement(next.announce);
  };
  const toggle = (uid: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(uid)) next.add(uid);
      else next.delete(uid);
      return next;
    });

  const previous = previousVersion(items, draft.key, item?.version ?? Number.POSITIVE_INFINITY);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = fromDraft(draft);
    setSaved("");
    const result = await submit.run((options) =>
      isNew ? createQuestionnaire(input, options) : updateQuestionnaire(id, input, options),
    );
    if (!result.ok) {
      const found = problemFields(draft, result.error?.fields ?? [], (n, key) =>
        t("survey.builder.questionLabel", { n, key }),
      );
      setProblem(found);
      setExpanded((current) => new Set([...current, ...found.questions]));
      return;
    }
    setProblem({ items: [], byField: new Map(), questions: [] });
    onSaved();
    if (isNew) {
      navigate(surveyQuestionnairePath(result.data.id), {
        replace: true,
        state: { saved: result.data.version },
      });
    } else {
      setSaved(t("survey.builder.savedVersion", { version: result.data.version }));
    }
  };

  let number = 1;
  const overallCandidates = allQuestions(draft).filter((q) => hasSatisfiedValues(q.type));
  return (
    <>
      <form onSubmit={save} noValidate className="builder">
        <ErrorSummary error={submit.error} items={problem.items} attempt={submit.attempt} />
        {saved ? (
          <p className="notice notice--success" role="status">
            {saved}
          </p>
        ) : null}
        {isNew && previous ? (
          <p className="notice">
            {t("survey.builder.nextVersionNote", { key: previous.key, version: previous.version + 1 })}
          </p>
        ) : null}
        <section className="content-section" aria-labelledby="perustiedot-h">
          <h2 id="perustiedot-h">{t("survey.builder.basics")}</h2>
          <TextField
            id={formFieldId("key")}
            label={t("survey.builder.key")}
            hint={isNew ? t("survey.builder.keyHintNew") : t("survey.builder.keyHintFixed")}
            value={draft.key}
            readOnly={!isNew}
            error={problem.byField.get(formFieldId("key"))}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set((d) => ({ ...d, key: e.target.value }))}
          />
          <LocalizedInputs
            idOf={(l) => formFieldId(`title-${l}`)}
            legend={t("survey.builder.title")}
            value={draft.title}
            errors={problem.byField}
            required
            onChange={(title) => set((d) => ({ ...d, title }))}
          />
          <LocalizedInputs
            idOf={(l) => formFieldId(`intro-${l}`)}
            legend={t("survey.builder.intro")}
            value={draft.intro}
            errors={problem.byField}
            multiline
            onChange={(intro) => set((d) => ({ ...d, intro }))}
          />
          <SelectField
            id={formFieldId("overall")}
            label={t("survey.builder.overall")}
            hint={t("survey.builder.overallHint")}
            value={draft.overallQuestion}
            error={problem.byField.get(formFieldId("overall"))}
            onChange={(e) => set((d) => ({ ...d, overallQuestion: e.target.value }))}
          >
            <option value="">{t("survey.builder.noOverall")}</option>
            {overallCandidates.map((q) => (
              <option key={q.uid} value={q.key}>
                {q.key}: {q.text.fi}
              </option>
            ))}
          </SelectField>
        </section>
        <section className="content-section" aria-labelledby="kysymykset-h">
          <h2 id="kysymykset-h">{t("survey.builder.questionsHeading")}</h2>
          <p>{t("survey.builder.questionsLead")}</p>
          {draft.sections.map((section, index) => {
            const first = number;
            number += section.questions.length;
            return (
              <SectionEditor
                key={section.uid}
                draft={draft}
                section={section}
                index={index}
                firstNumber={first}
                expanded={expanded}
                toggle={toggle}
                set={set}
                errors={problem.byField}
                after={after}
                previous={previous}
              />
            );
          })}
          <button
            type="button"
            id="lisaa-osio"
            className="button button--secondary"
            onClick={() => {
              const section = newSection();
              set((d) => ({ ...d, sections: [...d.sections, section] }));
              after({ focus: sectionFieldId(section.uid, "title-fi"), announce: "" });
            }}
          >
            {t("survey.builder.addSection")}
          </button>
        </section>
        <div className="button-row builder-save">
          <button type="submit" className="button" disabled={submit.status === "pending"}>
            {isNew ? t("survey.builder.saveNew") : t("survey.builder.save")}
          </button>
        </div>
        <div className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </div>
      </form>
      <BuilderPreview input={fromDraft(draft)} />
    </>
  );
}

function BuilderLoader() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "new" } = useParams();
  const [search] = useSearchParams();
  const from = id === "new" ? (search.get("from") ?? "") : "";
  const list = useApiResource("survey-questionnaire-list", locale, fetchQuestionnaireList);
  const template = useApiResource(
    `survey-questionnaire-template:${from === FROM_TEMPLATE}`,
    locale,
    (options) => (from === FROM_TEMPLATE ? fetchQuestionnaireTemplate(options) : Promise.resolve(null)),
  );
  const items = list.data;
  const item = items?.find((i) => i.id === id);
  const copied = from && from !== FROM_TEMPLATE ? items?.find((i) => i.id === from) : undefined;
  const title = item ? pickText(item.title, locale) : undefined;
  const heading =
    id === "new"
      ? copied
        ? t("survey.builder.newVersionTitle", { title: pickText(copied.title, locale).text })
        : t("survey.builder.newTitle")
      : title
        ? t("survey.builder.editTitle", { title: title.text, version: item?.version ?? 0 })
        : t("survey.builder.editorTitle");
  useDocumentTitle(heading);
  const ready = items !== undefined && (from !== FROM_TEMPLATE || template.data !== undefined);
  const missing = ready && ((id !== "new" && !item) || (from && from !== FROM_TEMPLATE && !copied));
  let body = null;
  if (ready && !missing && items) {
    if (item?.isLocked) body = <LockedView item={item} items={items} />;
    else {
      const source =
        id === "new" ? (from === FROM_TEMPLATE ? (template.data ?? null) : (copied ?? null)) : (item ?? null);
      body = <Editor key={`${id}|${from}`} id={id} source={source} items={items} onSaved={list.reload} />;
    }
  }
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.survey, label: t("survey.home.title") },
          { to: WEB_ROUTES.surveyStaff, label: t("survey.staff.title") },
          { to: WEB_ROUTES.surveyQuestionnaires, label: t("survey.builder.listTitle") },
        ]}
        current={heading}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.builder.listTitle")}</p>
        <PageHeading>{heading}</PageHeading>
        <p className="lead">{t("survey.builder.editorLead")}</p>
      </header>
      <LoadingStatus loading={!ready && list.status !== "error" && template.status !== "error"} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {template.status === "error" ? <ProblemAlert error={template.error} onRetry={template.reload} /> : null}
      {missing && list.status === "success" ? <p>{t("survey.builder.notFound")}</p> : null}
      {body}
    </div>
  );
}

/** The questionnaire builder (staff): sections and questions of every type in three languages, with preview. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  return (
    <SessionGate title={t("survey.builder.editorTitle")} roles={["staff", "admin"]}>
      {() => <BuilderLoader />}
    </SessionGate>
  );
}
