// Request metrics of the ingress with ingress-nginx's names and labels, kept in memory and rendered as
// Prometheus text. Label values follow ingress-nginx: `ingress`, `namespace`, `service` and `path` are those
// of the main Ingress location even when the canary answered; `canary` then names the canary upstream
// (`namespace-service-port`), else it is empty.
import { bucketIndex, DEFAULT_TIME_BUCKETS, formatPrometheus, type HistogramValue, type Labels, type MetricFamily } from './plan/prometheus-text.js';

/** Per-request label values (ingress-nginx's request tags with metrics-per-host). */
export interface RequestLabels {
  readonly namespace: string;
  readonly ingress: string;
  readonly service: string;
  readonly path: string;
  readonly host: string;
  readonly canary: string;
  readonly method: string;
  readonly status: string;
}

/** The controller's constant labels. */
export interface ControllerLabels {
  readonly controller_class: string;
  readonly controller_namespace: string;
  readonly controller_pod: string;
}

interface MutableHistogram { buckets: number[]; sum: number; count: number }

/** One label set's counters (plain data: ingress processes send them to the main process). */
export interface Series {
  readonly labels: Labels;
  requests: number;
  readonly requestTime: MutableHistogram;
  readonly responseTime: MutableHistogram;
}

const newHistogram = (): MutableHistogram => ({ buckets: new Array<number>(DEFAULT_TIME_BUCKETS.length + 1).fill(0), sum: 0, count: 0 });

function observe(h: MutableHistogram, seconds: number): void {
  const i = bucketIndex(DEFAULT_TIME_BUCKETS, seconds);
  h.buckets[i] = (h.buckets[i] ?? 0) + 1;
  h.sum += seconds;
  h.count++;
}

const PREFIX = 'nginx_ingress_controller_';

/** The ingress's request counters and histograms. */
export class RequestMetrics {
  private readonly series = new Map<string, Series>();

  constructor(private readonly controller: ControllerLabels) {}

  /** Records one finished request: total time at the ingress and, when a backend was tried, time upstream. */
  record(l: RequestLabels, requestSeconds: number, upstreamSeconds: number | undefined): void {
    const key = `${l.namespace}\u0001${l.ingress}\u0001${l.service}\u0001${l.path}\u0001${l.host}\u0001${l.canary}\u0001${l.method}\u0001${l.status}`;
    let s = this.series.get(key);
    if (s === undefined) {
      s = { labels: { ...this.controller, ...l }, requests: 0, requestTime: newHistogram(), responseTime: newHistogram() };
      this.series.set(key, s);
    }
    s.requests++;
    observe(s.requestTime, requestSeconds);
    if (upstreamSeconds !== undefined) observe(s.responseTime, upstreamSeconds);
  }

  /** A copy of every series (for the main process to merge). */
  snapshot(): Series[] { return structuredClone([...this.series.values()]); }

  /** The metric families, for the exposition text, with other processes' series added in. */
  families(others: readonly (readonly Series[])[] = []): MetricFamily[] {
    const all = mergeSeries([...this.series.values()], others);
    const hist = (pick: (s: Series) => MutableHistogram): { labels: Labels; value: HistogramValue }[] =>
      all.filter((s) => pick(s).count > 0).map((s) => ({ labels: s.labels, value: pick(s) }));
    return [
      { type: 'counter', name: `${PREFIX}requests`, help: 'The total number of client requests', series: all.map((s) => ({ labels: s.labels, value: s.requests })) },
      { type: 'histogram', name: `${PREFIX}request_duration_seconds`, help: 'The request processing time in seconds, from the first byte read to the last byte sent',
        bounds: DEFAULT_TIME_BUCKETS, series: hist((s) => s.requestTime) },
      { type: 'histogram', name: `${PREFIX}response_duration_seconds`, help: 'The time spent on receiving the response from the upstream server, retries included',
        bounds: DEFAULT_TIME_BUCKETS, series: hist((s) => s.responseTime) },
    ];
  }

  /** Prometheus text of every family (and of other processes' series). */
  render(others: readonly (readonly Series[])[] = []): string {
    return formatPrometheus(this.families(others));
  }
}

function addHistogram(into: MutableHistogram, h: MutableHistogram): void {
  for (let i = 0; i < into.buckets.length; i++) into.buckets[i] = (into.buckets[i] ?? 0) + (h.buckets[i] ?? 0);
  into.sum += h.sum;
  into.count += h.count;
}

/** Sums series with equal labels across processes. */
function mergeSeries(own: readonly Series[], others: readonly (readonly Series[])[]): Series[] {
  if (others.length === 0) return [...own];
  const byKey = new Map<string, Series>();
  for (const s of [own, ...others].flat()) {
    const key = JSON.stringify(Object.entries(s.labels).sort());
    const m = byKey.get(key);
    if (m === undefined) { byKey.set(key, structuredClone(s)); continue; }
    m.requests += s.requests;
    addHistogram(m.requestTime, s.requestTime);
    addHistogram(m.responseTime, s.responseTime);
  }
  return [...byKey.values()];
}
