// Runs wrk (when installed) and reads its summary: requests/s, latency percentiles, errors.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { LoadResult } from './load.js';

/** Path of wrk, or undefined when it is not installed. */
export function findWrk(): string | undefined {
  return ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p));
}

/** `1.23ms` / `850.00us` / `1.02s` → milliseconds. */
export function wrkDurationMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (m === null) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 'ms' ? v : m[2] === 's' ? v * 1000 : v * 60_000;
}

/** Parses wrk's `--latency` output. */
export function parseWrk(out: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const requests = Number(/(\d+) requests in ([\d.]+)(\w+)/.exec(out)?.[1] ?? Number.NaN);
  const pct = (p: string): number => wrkDurationMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = sock === null ? 0 : [1, 2, 3, 4].reduce((s, i) => s + Number(sock[i] ?? 0), 0);
  return { requests, errors: non2xx + socketErrors, seconds: requests / rps, rps, p50Ms: pct('50'), p99Ms: pct('99') };
}

/** Runs `wrk` against `url` with a Host header. */
export function runWrk(wrk: string, o: { url: string; host: string; connections: number; threads: number; durationS: number }): Promise<LoadResult> {
  const args = [`-t${o.threads}`, `-c${o.connections}`, `-d${o.durationS}s`, '--latency', '-H', `Host: ${o.host}`, o.url];
  return new Promise((resolve, reject) => {
    execFile(wrk, args, { timeout: (o.durationS + 30) * 1000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`wrk failed: ${err.message} ${stderr}`));
      else resolve(parseWrk(stdout));
    });
  });
}
