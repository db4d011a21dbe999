// Prometheus text exposition (format 0.0.4) of counters and histograms, with label pairs sorted by name as
// client_golang writes them (`le` last on buckets).

/** client_golang's DefBuckets, which ingress-nginx uses for its time histograms (`--time-buckets`). */
export const DEFAULT_TIME_BUCKETS: readonly number[] = Object.freeze([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

/** Label name → value. */
export type Labels = Readonly<Record<string, string>>;

/** A histogram's observations: per-bucket counts (not cumulative; the last slot is +Inf), sum and count. */
export interface HistogramValue {
  readonly buckets: readonly number[];
  readonly sum: number;
  readonly count: number;
}

/** One metric family and its series. */
export type MetricFamily =
  | { readonly type: 'counter'; readonly name: string; readonly help: string; readonly series: readonly { labels: Labels; value: number }[] }
  | { readonly type: 'histogram'; readonly name: string; readonly help: string; readonly bounds: readonly number[];
      readonly series: readonly { labels: Labels; value: HistogramValue }[] };

/** Index of the bucket an observation falls in: the first upper bound ≥ value (0.03 s → 3, i.e. le="0.05"). */
export function bucketIndex(bounds: readonly number[], value: number): number {
  for (let i = 0; i < bounds.length; i++) if (value <= (bounds[i] ?? Infinity)) return i;
  return bounds.length;
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.keys(labels).sort().map((k) => `${k}="${escapeValue(labels[k] ?? '')}"`);
  if (extra !== undefined) pairs.push(`${extra[0]}="${escapeValue(extra[1])}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatNumber(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return Number.isNaN(n) ? 'NaN' : String(n);
}

function histogramLines(name: string, bounds: readonly number[], labels: Labels, h: HistogramValue): string[] {
  const lines: string[] = [];
  let cumulative = 0;
  for (let i = 0; i <= bounds.length; i++) {
    cumulative += h.buckets[i] ?? 0;
    const le = i < bounds.length ? formatNumber(bounds[i] ?? Infinity) : '+Inf';
    lines.push(`${name}_bucket${labelText(labels, ['le', le])} ${cumulative}`);
  }
  lines.push(`${name}_sum${labelText(labels)} ${formatNumber(h.sum)}`, `${name}_count${labelText(labels)} ${h.count}`);
  return lines;
}

/** The exposition text of `families`, series in the order given. */
export function formatPrometheus(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    if (f.series.length === 0) continue;
    lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    if (f.type === 'counter') {
      for (const s of f.series) lines.push(`${f.name}${labelText(s.labels)} ${formatNumber(s.value)}`);
    } else {
      for (const s of f.series) lines.push(...histogramLines(f.name, f.bounds, s.labels, s.value));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
