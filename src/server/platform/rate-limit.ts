import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import type { AnyDb } from "../db/db.ts";

/** How many events a key may have in a window before it is slowed, and how the slowing grows. */
export interface RateRule {
  /** What is limited, e.g. "signin:account". */
  name: string;
  limit: number;
  windowSeconds: number;
  /** First block after the limit; doubles with every further event, up to maxBlockSeconds. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
}

/** The verdict for one key: allowed, or blocked until a time. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface RateTables {
  rateLimit: { key: string; windowStart: string; count: number; blockedUntil: string | null };
}

/**
 * Counters shared by every process through the database. Keys are HMACs under the server secret, so the
 * table holds no IP addresses or e-mail addresses (personal data) in clear.
 */
export class RateLimiter {
  readonly #db: Kysely<RateTables>;
  readonly #secret: string;

  constructor(db: AnyDb, secret: string) {
    this.#db = db as Kysely<RateTables>;
    this.#secret = secret;
  }

  #key(rule: RateRule, subject: string): string {
    return `${rule.name}:${createHmac("sha256", this.#secret).update(subject).digest("base64url")}`;
  }

  /** Whether the subject may act now (does not count the attempt). */
  async check(rule: RateRule, subject: string, now: Date): Promise<RateVerdict> {
    const row = await this.#db
      .selectFrom("rateLimit")
      .selectAll()
      .where("key", "=", this.#key(rule, subject))
      .executeTakeFirst();
    if (row?.blockedUntil && row.blockedUntil > now.toISOString()) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(row.blockedUntil) - now.getTime()) / 1000)),
      };
    }
    return { allowed: true };
  }

  /** Counts one event (a failed sign-in, a reset request); returns whether the subject is now blocked. */
  async hit(rule: RateRule, subject: string, now: Date): Promise<RateVerdict> {
    const key = this.#key(rule, subject);
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("rateLimit").selectAll().where("key", "=", key).executeTakeFirst();
      const windowOpen = row && Date.parse(row.windowStart) + rule.windowSeconds * 1000 > now.getTime();
      const count = windowOpen ? row.count + 1 : 1;
      const windowStart = windowOpen ? row.windowStart : now.toISOString();
      // The event that reaches the limit starts the block: `limit` events are allowed, the next is refused.
      const over = count - rule.limit + 1;
      const blockSeconds =
        over > 0 ? Math.min(rule.maxBlockSeconds, rule.baseBlockSeconds * 2 ** (over - 1)) : 0;
      const blockedUntil =
        blockSeconds > 0 ? new Date(now.getTime() + blockSeconds * 1000).toISOString() : null;
      if (row) {
        await trx
          .updateTable("rateLimit")
          .set({ windowStart, count, blockedUntil })
          .where("key", "=", key)
          .execute();
      } else {
        await trx
          .insertInto("rateLimit")
          .values({ key, windowStart, count, blockedUntil })
          .onConflict((oc) => oc.column("key").doUpdateSet({ windowStart, count, blockedUntil }))
          .execute();
      }
      return blockSeconds > 0
        ? { allowed: false as const, retryAfterSeconds: blockSeconds }
        : { allowed: true as const };
    });
  }

  /** Forgets a subject's failures (after a successful sign-in). */
  async reset(rule: RateRule, subject: string): Promise<void> {
    await this.#db.deleteFrom("rateLimit").where("key", "=", this.#key(rule, subject)).execute();
  }
}

/** At most `limit` events per key in each window of `windowSeconds`. */
export interface WindowRule {
  /** What is limited, e.g. "feedback:address". */
  name: string;
  limit: number;
  windowSeconds: number;
}

interface WindowCount {
  start: number;
  ends: number;
  count: number;
}

// Above this many keys the ended windows are swept out, then the oldest ones down to nine tenths of it, so a
// flood from many addresses costs bounded memory (and at worst forgets some counts early).
const MEMORY_LIMITER_KEYS = 50_000;

/**
 * Counters in this process's memory, for limits checked on a hot path (every anonymous service request),
 * where the database counters above would add a write transaction to each request. Windows are fixed: a
 * key's window starts with its first event and its count starts again once the window has passed. Each
 * server process counts on its own and a restart forgets; nothing is written anywhere, and subjects
 * (addresses, key ids) stay only in memory, for about as long as their window.
 */
export class MemoryRateLimiter {
  readonly #counts = new Map<string, WindowCount>();
  readonly #maxKeys: number;

  constructor(options: { maxKeys?: number } = {}) {
    this.#maxKeys = options.maxKeys ?? MEMORY_LIMITER_KEYS;
  }

  /**
   * Counts one event for every (rule, subject) pair when each is still under its limit, and allows it; when
   * any is at its limit nothing is counted and the verdict says when the longest-blocked one frees up.
   */
  take(pairs: readonly (readonly [WindowRule, string])[], now: Date): RateVerdict {
    const at = now.getTime();
    let retryAfterMs = 0;
    const entries: WindowCount[] = [];
    for (const [rule, subject] of pairs) {
      const key = `${rule.name}\u0000${subject}`;
      let entry = this.#counts.get(key);
      // A clock set back starts a new window rather than blocking for longer than one.
      if (!entry || at >= entry.ends || at < entry.start) {
        entry = { start: at, ends: at + rule.windowSeconds * 1000, count: 0 };
        this.#remember(key, entry, at);
      }
      if (entry.count >= rule.limit) retryAfterMs = Math.max(retryAfterMs, entry.ends - at);
      entries.push(entry);
    }
    if (retryAfterMs > 0)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    for (const entry of entries) entry.count++;
    return { allowed: true };
  }

  /** How many keys are counted (for tests and diagnostics). */
  get size(): number {
    return this.#counts.size;
  }

  #remember(key: string, entry: WindowCount, at: number): void {
    // A new window goes to the end of the map's (insertion) order, so the oldest windows come first.
    this.#counts.delete(key);
    this.#counts.set(key, entry);
    if (this.#counts.size <= this.#maxKeys) return;
    for (const [k, e] of this.#counts) if (e.ends <= at) this.#counts.delete(k);
    const keep = Math.floor(this.#maxKeys * 0.9);
    for (const k of this.#counts.keys()) {
      if (this.#counts.size <= keep) break;
      this.#counts.delete(k);
    }
  }
}
