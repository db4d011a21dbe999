// A continuous load generator for traffic tests: `concurrency` workers send requests back to back over
// keep-alive connections until stopped, counting answers by body and every failure (status >= 500 or a
// transport error) with its reason.
import { Agent, request } from 'undici';

export interface LoadLoopOptions {
  url: string;
  /** Host header (the ingress routes by it). */
  host?: string;
  concurrency?: number;
  /** Method per worker index (default GET for all). */
  method?: (worker: number) => 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface LoadStats {
  sent: number;
  ok: number;
  failed: number;
  failures: string[];
  /** Bodies of answers to requests started after the last `mark()`. */
  bodiesSinceMark: Map<string, number>;
}

export interface LoadLoop {
  readonly stats: LoadStats;
  /** Starts a new counting window for `bodiesSinceMark` (only requests sent after this count). */
  mark(): void;
  /** Resolves once `n` more requests have completed. */
  waitFor(n: number): Promise<void>;
  stop(): Promise<LoadStats>;
}

/** Starts the loop. */
export function startLoadLoop(o: LoadLoopOptions): LoadLoop {
  const agent = new Agent({ connections: 64, keepAliveTimeout: 10_000 });
  const stats: LoadStats = { sent: 0, ok: 0, failed: 0, failures: [], bodiesSinceMark: new Map() };
  let generation = 0;
  let running = true;
  let waiters: { target: number; resolve: () => void }[] = [];
  const completed = (): number => stats.ok + stats.failed;
  const notify = (): void => {
    const n = completed();
    waiters = waiters.filter((w) => (n >= w.target ? (w.resolve(), false) : true));
  };
  const worker = async (i: number): Promise<void> => {
    const method = o.method?.(i) ?? 'GET';
    while (running) {
      const gen = generation;
      stats.sent++;
      try {
        const res = await request(o.url, {
          dispatcher: agent, method, headers: { ...(o.host === undefined ? {} : { host: o.host }), ...o.headers },
          ...(method === 'POST' ? { body: '[]' } : {}),
        });
        const body = await res.body.text();
        if (res.statusCode >= 500) { stats.failed++; stats.failures.push(`${method} ${res.statusCode} ${body.slice(0, 80)}`); } else stats.ok++;
        if (gen === generation) stats.bodiesSinceMark.set(body, (stats.bodiesSinceMark.get(body) ?? 0) + 1);
      } catch (e) {
        stats.failed++;
        stats.failures.push(`${method} ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
      notify();
    }
  };
  const workers = Array.from({ length: o.concurrency ?? 8 }, (_, i) => worker(i));
  return {
    stats,
    mark: () => { generation++; stats.bodiesSinceMark = new Map(); },
    waitFor: (n) => new Promise((resolve) => { waiters.push({ target: completed() + n, resolve }); notify(); }),
    stop: async () => {
      running = false;
      await Promise.all(workers);
      await agent.close();
      return stats;
    },
  };
}
