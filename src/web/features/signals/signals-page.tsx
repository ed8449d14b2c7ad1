import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  SIGNAL_CHANNELS,
  SIGNAL_WINDOW_DAYS,
  type SignalChannel,
  type SignalTopic,
  type SignalTopics,
} from "../../../contracts/signals.ts";
import { useSignalTopics } from "../../api/signals/signals.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { SelectField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import "./signals.css";

/** The windows offered on the page: a week, two and four. */
const WINDOWS = [7, 14, 28] as const;

function isChannel(value: string | null): value is SignalChannel {
  return SIGNAL_CHANNELS.some((channel) => channel === value);
}

/** The window and channel from the address, so that a view can be bookmarked and shared with colleagues. */
function readQuery(params: URLSearchParams): { windowDays: number; channel: SignalChannel | null } {
  const asked = Number(params.get("window"));
  const windowDays = WINDOWS.some((w) => w === asked) ? asked : SIGNAL_WINDOW_DAYS.default;
  const channel = params.get("channel");
  return { windowDays, channel: isChannel(channel) ? channel : null };
}

function useFormats() {
  const locale = useLocale();
  const intl = INTL_LOCALES[locale];
  return {
    rate: (value: number) => new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(value),
    day: (iso: string) =>
      new Intl.DateTimeFormat(intl, { day: "numeric", month: "numeric", timeZone: "Europe/Helsinki" }).format(
        new Date(iso),
      ),
    date: (iso: string) =>
      new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(
        new Date(iso),
      ),
  };
}

/** Texts per week as bars; the table after it carries the same figures for screen readers and keyboards. */
function WeeklyChart({ topic, index }: { topic: SignalTopic; index: number }) {
  const { t } = useTranslation();
  const format = useFormats();
  const most = Math.max(1, ...topic.weekly.map((w) => w.count));
  const captionId = `signals-weeks-${index}`;
  return (
    <div className="signals-weeks">
      <div className="signals-chart" aria-hidden="true">
        {topic.weekly.map((week, i) => (
          <div
            key={week.start}
            className={`signals-chart__bar${i === topic.weekly.length - 1 ? " signals-chart__bar--now" : ""}`}
            style={{ height: `${Math.max(2, (week.count / most) * 100)}%` }}
            title={`${format.day(week.start)}: ${week.count}`}
          />
        ))}
      </div>
      <details className="signals-table">
        <summary>{t("signals.weeksTable")}</summary>
        <table className="data-table">
          <caption id={captionId}>{t("signals.weeksCaption", { topic: topic.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("signals.weekStarting")}</th>
              <th scope="col">{t("signals.texts")}</th>
            </tr>
          </thead>
          <tbody>
            {topic.weekly.map((week) => (
              <tr key={week.start}>
                <th scope="row">{format.day(week.start)}</th>
                <td>{week.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function TopicCard({ topic, index, windowDays }: { topic: SignalTopic; index: number; windowDays: number }) {
  const { t } = useTranslation();
  const format = useFormats();
  const headingId = `signals-topic-${index}`;
  const period = windowDays === 7 ? t("signals.thisWeek") : t("signals.lastDays", { count: windowDays });
  return (
    <li className="signals-topic">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="signals-topic__title" lang="fi">
          {topic.label}
        </h3>
        <p className="signals-topic__summary">
          {t("signals.summary", {
            topic: topic.label,
            count: topic.countNow,
            period,
            rate: format.rate(topic.baselineWeeklyRate),
          })}
        </p>
        <p className="signals-topic__terms">
          {t("signals.terms")}: {topic.terms.map((term) => term.label).join(", ")}
        </p>
        <p>
          {t("signals.byChannel")}:{" "}
          {topic.channels.map((c) => `${t(`signals.channels.${c.channel}`)} ${c.count}`).join(", ")}
        </p>
        <WeeklyChart topic={topic} index={index} />
        <h4>{t("signals.examples")}</h4>
        <ul className="signals-examples">
          {topic.examples.map((example) => (
            <li key={example.link}>
              <blockquote className="signals-example">
                <p>{example.text}</p>
              </blockquote>
              <p className="signals-example__source">
                <Link to={example.link}>
                  {t(`signals.channels.${example.channel}`)}, {format.date(example.at)}
                  <span className="visually-hidden"> – {t("signals.openSource")}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </article>
    </li>
  );
}

function Topics({ data }: { data: SignalTopics }) {
  const { t } = useTranslation();
  const moduleName = (module: string) => t(`modules.names.${module}`, { defaultValue: module });
  return (
    <>
      {data.unavailableModules.length > 0 ? (
        <p className="notice">
          {t("signals.unavailable", { modules: data.unavailableModules.map(moduleName).join(", ") })}
        </p>
      ) : null}
      <p>{t("signals.textsInWindow", { count: data.textsInWindow })}</p>
      {data.topics.length === 0 ? (
        <p className="notice">{t("signals.empty")}</p>
      ) : (
        <ol className="signals-topics">
          {data.topics.map((topic, i) => (
            <TopicCard key={topic.label} topic={topic} index={i} windowDays={data.windowDays} />
          ))}
        </ol>
      )}
    </>
  );
}

function Filters({
  windowDays,
  channel,
  onChoose,
}: {
  windowDays: number;
  channel: SignalChannel | null;
  onChoose: (query: { windowDays: number; channel: SignalChannel | null }) => void;
}) {
  const { t } = useTranslation();
  const [chosenWindow, setChosenWindow] = useState(String(windowDays));
  const [chosenChannel, setChosenChannel] = useState(channel ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose({ windowDays: Number(chosenWindow), channel: isChannel(chosenChannel) ? chosenChannel : null });
  };
  return (
    <form className="signals-filters" onSubmit={submit} aria-label={t("signals.filters")}>
      <SelectField
        id="signals-window"
        label={t("signals.window")}
        value={chosenWindow}
        onChange={(e) => setChosenWindow(e.target.value)}
      >
        {WINDOWS.map((days) => (
          <option key={days} value={days}>
            {t("signals.windowDays", { count: days })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="signals-channel"
        label={t("signals.channel")}
        value={chosenChannel}
        onChange={(e) => setChosenChannel(e.target.value)}
      >
        <option value="">{t("signals.allChannels")}</option>
        {SIGNAL_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`signals.channels.${c}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button">
        {t("signals.show")}
      </button>
    </form>
  );
}

function SignalsDesk() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { windowDays, channel } = readQuery(params);
  const topics = useSignalTopics(windowDays, channel);
  return (
    <div className="container page">
      <header className="page-header">
        <PageHeading>{t("signals.title")}</PageHeading>
        <p className="lead">{t("signals.intro")}</p>
      </header>
      <Filters
        windowDays={windowDays}
        channel={channel}
        onChoose={(query) =>
          setParams({
            window: String(query.windowDays),
            ...(query.channel ? { channel: query.channel } : {}),
          })
        }
      />
      <section
        className="content-section"
        aria-labelledby="signals-topics"
        aria-busy={topics.status === "loading"}
      >
        <h2 id="signals-topics">{t("signals.topicsHeading")}</h2>
        <LoadingStatus loading={topics.status === "loading" && !topics.data} />
        {topics.status === "error" ? <ProblemAlert error={topics.error} onRetry={topics.reload} /> : null}
        {topics.data ? <Topics data={topics.data} /> : null}
      </section>
      <section className="content-section" aria-labelledby="signals-how">
        <h2 id="signals-how">{t("signals.howHeading")}</h2>
        <p>{t("signals.howWords")}</p>
        <p>{t("signals.howCompare")}</p>
        <p>{t("signals.howGroups")}</p>
        <p>{t("signals.howPrivacy")}</p>
      </section>
    </div>
  );
}

/** The staff's page of emerging topics in residents' texts across feedback, surveys and budgeting. */
export function SignalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("signals.title"));
  return (
    <SessionGate title={t("signals.title")} roles={["staff", "admin"]}>
      {() => <SignalsDesk />}
    </SessionGate>
  );
}
