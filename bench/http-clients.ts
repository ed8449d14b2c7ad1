// Clients over real HTTP for the benchmarks, in a worker thread: the server under test keeps the main thread
// (as in production, one Node process), the clients use the machine's other core, and every request goes
// through sockets, HTTP parsing and the event loop. Imported by a bench; the worker runs this same file.
import { isMainThread, parentPort, Worker } from "node:worker_threads";

/** One request as a bench describes it. */
export interface RequestSpec {
  method?: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

/** What one batch of requests gave: each one's latency (ms) and status, and the batch's wall time. */
export interface BatchResult {
  latencies: number[];
  statuses: number[];
  seconds: number;
}

interface Job {
  origin: string;
  specs: RequestSpec[];
  concurrency: number;
}

/** A worker thread sending batches of requests to `origin` with a fixed number in flight. */
export class HttpClients {
  readonly #worker: Worker;
  readonly #origin: string;

  constructor(origin: string) {
    this.#origin = origin;
    // The worker runs this TypeScript file: a worker does not inherit the bench's `--import tsx` hooks on
    // Node 20, so a small script registers them in the worker first.
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.#worker = new Worker(boot, { eval: true });
  }

  /** Sends `specs` with `concurrency` in flight; resolves when every response has been read whole. */
  run(specs: RequestSpec[], concurrency: number): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.#worker.once("error", onError);
      this.#worker.once("message", (result: BatchResult) => {
        this.#worker.off("error", onError);
        resolve(result);
      });
      this.#worker.postMessage({ origin: this.#origin, specs, concurrency } satisfies Job);
    });
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

async function runJob({ origin, specs, concurrency }: Job): Promise<BatchResult> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < specs.length) {
        const spec = specs[next++] as RequestSpec;
        const t0 = performance.now();
        let status: number;
        try {
          const init: RequestInit = { method: spec.method ?? "GET" };
          if (spec.headers) init.headers = spec.headers;
          if (spec.payload !== undefined) init.body = spec.payload;
          const response = await fetch(origin + spec.url, init);
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = 599; // no answer at all: counted as a failure
        }
        latencies.push(performance.now() - t0);
        statuses.push(status);
      }
    }),
  );
  return { latencies, statuses, seconds: (performance.now() - began) / 1000 };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", (job: Job) => {
    void runJob(job).then((result) => port.postMessage(result));
  });
}
