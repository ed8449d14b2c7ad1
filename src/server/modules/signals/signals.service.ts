import {
  SIGNAL_BASELINE_WEEKS,
  SIGNAL_MIN_TEXTS,
  SIGNAL_WINDOW_DAYS,
  type SignalChannel,
  type SignalTopics,
} from "../../../contracts/signals.ts";
import type { SignalSource, SignalText } from "../../platform/module.ts";
import { detectionSpan, detectTopics } from "./domain/detect.ts";
import { redactContacts } from "./domain/text.ts";

/** How many of a topic's texts are shown as examples, and how much of each. */
const EXAMPLES = 5;
const EXAMPLE_LENGTH = 300;

/** Reads the modules' texts through their signal sources and finds the emerging topics. */
export class SignalsService {
  readonly #sources: readonly SignalSource[];
  readonly #now: () => Date;
  readonly #warn: (what: string) => void;

  constructor(options: { sources: readonly SignalSource[]; now: () => Date; warn: (what: string) => void }) {
    this.#sources = options.sources;
    this.#now = options.now;
    this.#warn = options.warn;
  }

  /** The emerging topics of the window, in the given channel or all of them. */
  async topics(options: { windowDays?: number; channel?: SignalChannel }): Promise<SignalTopics> {
    const now = this.#now();
    const windowDays = options.windowDays ?? SIGNAL_WINDOW_DAYS.default;
    const detection = { now, windowDays, baselineWeeks: SIGNAL_BASELINE_WEEKS, minCount: SIGNAL_MIN_TEXTS };
    const { windowStart, baselineStart } = detectionSpan(detection);
    // A source that fails leaves its module out and says so, rather than hiding every other signal.
    const unavailableModules: string[] = [];
    const read = await Promise.all(
      this.#sources.map(async (source) => {
        try {
          return await source.textsSince(baselineStart);
        } catch (error) {
          unavailableModules.push(source.module);
          this.#warn(`signals: the ${source.module} texts could not be read (${(error as Error).name})`);
          return [];
        }
      }),
    );
    const byKey = new Map<string, SignalText>();
    for (const text of read.flat()) {
      if (options.channel && text.channel !== options.channel) continue;
      byKey.set(`${text.module}/${text.id}`, text);
    }
    const dated = [...byKey].map(([key, text]) => ({
      id: key,
      channel: text.channel,
      at: new Date(text.at),
      text: text.text,
    }));
    const topics = detectTopics(dated, detection);
    return {
      windowDays,
      baselineWeeks: SIGNAL_BASELINE_WEEKS,
      windowStart: windowStart.toISOString(),
      baselineStart: baselineStart.toISOString(),
      generatedAt: now.toISOString(),
      textsInWindow: dated.filter((t) => t.at >= windowStart && t.at <= now).length,
      minTexts: SIGNAL_MIN_TEXTS,
      unavailableModules: unavailableModules.sort(),
      topics: topics.map((topic) => ({
        label: topic.label,
        terms: topic.terms,
        countNow: topic.countNow,
        countBaseline: topic.countBaseline,
        baselineWeeklyRate: topic.baselineWeeklyRate,
        score: topic.score,
        channels: Object.entries(topic.channels)
          .map(([channel, count]) => ({ channel: channel as SignalChannel, count }))
          .sort((x, y) => y.count - x.count || x.channel.localeCompare(y.channel)),
        weekly: topic.weekly.map((w) => ({ start: w.start.toISOString(), count: w.count })),
        examples: topic.textIds.slice(0, EXAMPLES).map((key) => {
          const text = byKey.get(key) as SignalText;
          const words = redactContacts(text.text);
          return {
            module: text.module,
            channel: text.channel as SignalChannel,
            at: new Date(text.at).toISOString(),
            text: words.length > EXAMPLE_LENGTH ? `${words.slice(0, EXAMPLE_LENGTH - 1)}…` : words,
            link: text.link,
          };
        }),
      })),
    };
  }
}
