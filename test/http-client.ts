import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/**
 * A browser-like client over `inject`: keeps cookies, sends the CSRF header from the CSRF cookie on writes,
 * and a fixed client address so rate limits per address can be tested.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly #app: FastifyInstance;
  readonly #ip: string;

  constructor(app: FastifyInstance, ip = "192.0.2.10") {
    this.#app = app;
    this.#ip = ip;
  }

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const method = (options.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("keskio_csrf");
    if (csrf && !["GET", "HEAD"].includes(method) && !("x-csrf-token" in headers))
      headers["x-csrf-token"] = csrf;
    const response = await this.#app.inject({
      ...options,
      method: method as InjectOptions["method"],
      headers,
      remoteAddress: this.#ip,
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Fetches the session info (and with it a CSRF token). */
  async session(): Promise<{ person: { id: string } | null; csrfToken: string }> {
    return (await this.request({ url: "/api/v1/auth/session" })).json();
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ url, headers });
  }

  async post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    if (!this.cookies.has("keskio_csrf")) await this.session();
    return this.request({
      method: "POST",
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  async patch(url: string, payload: unknown) {
    if (!this.cookies.has("keskio_csrf")) await this.session();
    return this.request({ method: "PATCH", url, payload: payload as object });
  }

  async delete(url: string, payload?: unknown) {
    if (!this.cookies.has("keskio_csrf")) await this.session();
    return this.request({
      method: "DELETE",
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
}
