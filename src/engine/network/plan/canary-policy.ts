// The ingress-nginx canary annotations of one Ingress, parsed the way ingress-nginx's canary annotation
// parser does: `canary` is a Go boolean, weights are integers (anything else counts as unset), and canary
// settings on an Ingress without `canary: "true"` are ignored (the Ingress then routes as a main Ingress).

/** Annotation prefix shared by every ingress-nginx annotation. */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

/** How one canary backend is chosen per request: header, then cookie, then weight. */
export interface CanaryPolicy {
  /** `canary-by-header`: request header name ('' = none). */
  readonly header: string;
  /** `canary-by-header-value`: exact value selecting the canary ('' = none). */
  readonly headerValue: string;
  /** `canary-by-header-pattern`, compiled; ignored when `headerValue` is set. */
  readonly headerPattern: RegExp | undefined;
  /** `canary-by-cookie`: cookie name ('' = none). */
  readonly cookie: string;
  /** `canary-weight`: requests out of `weightTotal` sent to the canary. */
  readonly weight: number;
  /** `canary-weight-total`; values up to 100 count as 100 (ingress-nginx's rule). */
  readonly weightTotal: number;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** Go's strconv.Atoi: an optional sign and decimal digits only; undefined otherwise. */
function parseGoInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Compiles a header pattern; a pattern JavaScript cannot compile is dropped (ingress-nginx's validator refuses it). */
function compilePattern(source: string): RegExp | undefined {
  if (source === '') return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/**
 * The canary policy of an Ingress, or undefined when it is not a canary. Example: `canary: "true"`,
 * `canary-weight: "10"` → weight 10 of 100; `canary-weight-total: "50"` still means 100.
 */
export function parseCanaryPolicy(annotations: Readonly<Record<string, string>> | undefined): CanaryPolicy | undefined {
  const a = (key: string): string | undefined => annotations?.[NGINX_ANNOTATION_PREFIX + key];
  if (!TRUE.has(a('canary') ?? '')) return undefined;
  const total = parseGoInt(a('canary-weight-total')) ?? 100;
  return {
    header: a('canary-by-header') ?? '',
    headerValue: a('canary-by-header-value') ?? '',
    headerPattern: compilePattern(a('canary-by-header-pattern') ?? ''),
    cookie: a('canary-by-cookie') ?? '',
    weight: parseGoInt(a('canary-weight')) ?? 0,
    weightTotal: total > 100 ? total : 100,
  };
}
