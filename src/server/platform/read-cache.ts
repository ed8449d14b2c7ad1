/** How a read cache is bounded. */
export interface ReadCacheOptions<V> {
  /** The database's change token (Database.changeVersion); null means "cannot tell", so nothing is kept. */
  changeVersion: () => string | null;
  /** How long an answer may be kept at most, even when nothing was written (time-relative filters age). */
  ttlMs: number;
  /** The most weight kept in all (e.g. rows); the oldest answers go first. */
  maxWeight: number;
  /** The weight of one answer; 1 when not given. */
  weigh?: (value: V) => number;
  /** The clock, injectable for tests. */
  now?: () => number;
}

interface Entry<V> {
  at: number;
  weight: number;
  value: Promise<V>;
}

/**
 * Answers of public reads, kept only while the database has not changed since they were read: any write in
 * this process or a commit by another one changes the database's change token and empties the cache, so a
 * kept answer is exactly what a fresh read would return (no stale or unpublished text). Concurrent misses
 * of one key share one read. Where the database cannot tell about changes (PostgreSQL), every call reads.
 */
export class ReadCache<V> {
  readonly #options: ReadCacheOptions<V>;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<V>>();
  #version: string | null = null;
  #weight = 0;

  constructor(options: ReadCacheOptions<V>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The kept answer for `key`, or `read()`'s answer (kept when the database did not change meanwhile). */
  get(key: string, read: () => Promise<V>): Promise<V> {
    const version = this.#options.changeVersion();
    if (version === null) return read();
    if (version !== this.#version) this.clear(version);
    const now = this.#now();
    const kept = this.#entries.get(key);
    if (kept && now - kept.at < this.#options.ttlMs) return kept.value;
    if (kept) this.#drop(key, kept);
    const value = read();
    const entry: Entry<V> = { at: now, weight: 0, value };
    this.#entries.set(key, entry);
    value.then(
      (answer) => {
        // A write during the read may have changed what it saw: such an answer is not kept.
        if (this.#entries.get(key) !== entry) return;
        if (this.#options.changeVersion() !== version) return this.#drop(key, entry);
        entry.weight = this.#options.weigh?.(answer) ?? 1;
        this.#weight += entry.weight;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#drop(key, entry);
      },
    );
    return value;
  }

  /** Forgets every answer (the next reads go to the database). */
  clear(version: string | null = null): void {
    this.#entries.clear();
    this.#weight = 0;
    this.#version = version;
  }

  /** How many answers are kept (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }

  #drop(key: string, entry: Entry<V>): void {
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#weight <= this.#options.maxWeight) return;
      this.#drop(key, entry);
    }
  }
}
