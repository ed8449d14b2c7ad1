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
