// A compact age string for the fallback table (the full Kubernetes HumanDuration lives with the printers).

/** `5s`, `3m`, `2h`, `4d` since `timestamp`; `<unknown>` when absent. */
export function humanAge(timestamp: string | undefined, nowMs: number): string {
  const t = timestamp ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((nowMs - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
