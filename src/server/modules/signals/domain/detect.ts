import { termsOf } from "./text.ts";

// Emerging terms: how often residents wrote a term in the recent window against how often they wrote it in
// the weeks before, scored with Dunning's log-likelihood ratio for two Poisson counts over their exposure
// times (Dunning, "Accurate methods for the statistics of surprise and coincidence", Computational
// Linguistics 19(1), 1993). Counting texts per unit of time (not the term's share of all texts) is what
// makes a burst of reports about one street light surface even when everything else is quiet.

/** A resident's text as the detection sees it. */
export interface DatedText {
  id: string;
  channel: string;
  at: Date;
  text: string;
}

/** The parameters of one detection run. */
export interface DetectionOptions {
  now: Date;
  /** The recent window in days (default 7). */
  windowDays?: number;
  /** The baseline: this many weeks before the window (default 8). */
  baselineWeeks?: number;
  /** The fewest texts a term or topic needs in the window; also keeps one resident from being singled out. */
  minCount?: number;
  /** The least log-likelihood ratio that counts as emerging (default 10.83, χ²(1) at p = 0.001). */
  minScore?: number;
}

/** A term that rose, with its counts. */
export interface EmergingTerm {
  term: string;
  /** The most common written form of the term in the window. */
  label: string;
  countNow: number;
  countBaseline: number;
  score: number;
}

/** Terms that rose together in the same texts. */
export interface DetectedTopic {
  label: string;
  terms: EmergingTerm[];
  /** Texts of the window that contain any of the terms. */
  countNow: number;
  /** Texts of the baseline that contain any of the terms. */
  countBaseline: number;
  /** The baseline's texts per week. */
  baselineWeeklyRate: number;
  score: number;
  /** The window's texts of the topic, newest first. */
  textIds: string[];
  /** Window texts per channel. */
  channels: Record<string, number>;
  /** Texts per 7-day period, oldest first, the last period ending now. */
  weekly: { start: Date; count: number }[];
}

export const DEFAULT_WINDOW_DAYS = 7;
export const DEFAULT_BASELINE_WEEKS = 8;
export const MIN_TEXTS = 5;
/** χ² with one degree of freedom at p = 0.001: with hundreds of terms tested, a strict level. */
export const MIN_SCORE = 10.83;
/** Two emerging terms belong to one topic when at least half the texts of the rarer one contain both. */
export const MIN_OVERLAP = 0.5;

const DAY_MS = 86_400_000;

const xLogX = (count: number, expected: number) => (count === 0 ? 0 : count * Math.log(count / expected));

/**
 * Dunning's G² for counts a over time t1 and b over time t2 against one common rate; positive only when
 * the first rate is the higher one (a fall is not an emerging signal).
 */
export function logLikelihoodRise(a: number, t1: number, b: number, t2: number): number {
  if (a === 0 || a / t1 <= b / t2) return 0;
  const rate = (a + b) / (t1 + t2);
  return 2 * (xLogX(a, rate * t1) + xLogX(b, rate * t2));
}

/** The window's start and the baseline's start for a run. */
export function detectionSpan(options: DetectionOptions): { windowStart: Date; baselineStart: Date } {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const baselineWeeks = options.baselineWeeks ?? DEFAULT_BASELINE_WEEKS;
  const windowStart = new Date(options.now.getTime() - windowDays * DAY_MS);
  return { windowStart, baselineStart: new Date(windowStart.getTime() - baselineWeeks * 7 * DAY_MS) };
}

/** The emerging topics among the texts, highest score first. */
export function detectTopics(texts: readonly DatedText[], options: DetectionOptions): DetectedTopic[] {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const baselineWeeks = options.baselineWeeks ?? DEFAULT_BASELINE_WEEKS;
  const minCount = options.minCount ?? MIN_TEXTS;
  const minScore = options.minScore ?? MIN_SCORE;
  const { windowStart, baselineStart } = detectionSpan(options);
  const now = options.now.getTime();

  const recent = new Map<string, Set<string>>();
  const baseline = new Map<string, Set<string>>();
  const forms = new Map<string, Map<string, number>>();
  const byId = new Map<string, DatedText>();
  const addTo = (map: Map<string, Set<string>>, term: string, id: string) => {
    const ids = map.get(term) ?? new Set<string>();
    ids.add(id);
    map.set(term, ids);
  };
  for (const text of texts) {
    const at = text.at.getTime();
    if (at < baselineStart.getTime() || at > now) continue;
    byId.set(text.id, text);
    const isRecent = at >= windowStart.getTime();
    const found = termsOf(text.text);
    for (const term of found.terms) {
      addTo(isRecent ? recent : baseline, term, text.id);
      if (!isRecent) continue;
      const form = found.forms.get(term) ?? term;
      const counts = forms.get(term) ?? new Map<string, number>();
      counts.set(form, (counts.get(form) ?? 0) + 1);
      forms.set(term, counts);
    }
  }

  const emerging: EmergingTerm[] = [];
  for (const [term, ids] of recent) {
    if (ids.size < minCount) continue;
    const countBaseline = baseline.get(term)?.size ?? 0;
    const score = logLikelihoodRise(ids.size, windowDays, countBaseline, baselineWeeks * 7);
    if (score < minScore) continue;
    emerging.push({ term, label: commonestForm(forms.get(term)), countNow: ids.size, countBaseline, score });
  }
  // On a tie the phrase goes first: "leikkipuiston keinut" names a topic better than "keinut".
  const words = (term: string) => term.split(" ").length;
  emerging.sort((x, y) => y.score - x.score || words(y.term) - words(x.term) || x.term.localeCompare(y.term));

  // Union-find over the emerging terms: an edge where the texts overlap enough.
  const parent = emerging.map((_, i) => i);
  const find = (start: number): number => {
    let i = start;
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  for (let i = 0; i < emerging.length; i++) {
    for (let j = i + 1; j < emerging.length; j++) {
      const a = recent.get((emerging[i] as EmergingTerm).term) as Set<string>;
      const b = recent.get((emerging[j] as EmergingTerm).term) as Set<string>;
      let shared = 0;
      for (const id of a) if (b.has(id)) shared++;
      if (shared / Math.min(a.size, b.size) >= MIN_OVERLAP) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, EmergingTerm[]>();
  emerging.forEach((term, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), term]);
  });

  const periods = Math.ceil(windowDays / 7) + baselineWeeks;
  const topics: DetectedTopic[] = [];
  for (const terms of groups.values()) {
    const nowIds = new Set(terms.flatMap((t) => [...(recent.get(t.term) ?? [])]));
    const baseIds = new Set(terms.flatMap((t) => [...(baseline.get(t.term) ?? [])]));
    const topicTexts = [...nowIds, ...baseIds].map((id) => byId.get(id) as DatedText);
    const channels: Record<string, number> = {};
    for (const id of nowIds) {
      const channel = (byId.get(id) as DatedText).channel;
      channels[channel] = (channels[channel] ?? 0) + 1;
    }
    const weekly = Array.from({ length: periods }, (_, k) => {
      const end = now - (periods - 1 - k) * 7 * DAY_MS;
      const start = end - 7 * DAY_MS;
      const count = topicTexts.filter((t) => t.at.getTime() > start && t.at.getTime() <= end).length;
      return { start: new Date(start), count };
    });
    const textIds = [...nowIds].sort(
      (x, y) => (byId.get(y) as DatedText).at.getTime() - (byId.get(x) as DatedText).at.getTime(),
    );
    topics.push({
      label: (terms[0] as EmergingTerm).label,
      terms,
      countNow: nowIds.size,
      countBaseline: baseIds.size,
      baselineWeeklyRate: baseIds.size / baselineWeeks,
      score: logLikelihoodRise(nowIds.size, windowDays, baseIds.size, baselineWeeks * 7),
      textIds,
      channels,
      weekly,
    });
  }
  return topics.sort((x, y) => y.score - x.score || x.label.localeCompare(y.label));
}

function commonestForm(counts: Map<string, number> | undefined): string {
  let best = "";
  let most = 0;
  for (const [form, count] of counts ?? []) {
    if (count > most || (count === most && form < best)) [best, most] = [form, count];
  }
  return best;
}
