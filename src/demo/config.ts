// What a demo pod does, decided from its image tag and environment, the way argoproj/rollouts-demo
// images do it: each published tag is the same binary with COLOR, ERROR_RATE and LATENCY baked in as
// image ENV, and a container's own `env` overrides image ENV (as with any container runtime).

/** The colours the demo images answer with, in the order the page stacks them. */
export const DEMO_COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;

/** One of the demo colours. */
export type DemoColor = (typeof DEMO_COLORS)[number];

/** The repository the kubelet resolves to this demo; a registry host such as `docker.io/` may precede it. */
export const DEMO_IMAGE_REPOSITORY = 'argoproj/rollouts-demo';

/** ERROR_RATE baked into the `bad-<colour>` tags, in percent. */
export const BAD_TAG_ERROR_PERCENT = 15;

/** LATENCY baked into the `slow-<colour>` tags, in seconds. */
export const SLOW_TAG_LATENCY_SECONDS = 2;

/** How a demo pod answers `/color`. */
export interface DemoConfig {
  /** The colour every answer carries; `random` (tag `latest`, or COLOR empty) picks one per request. */
  readonly color: DemoColor | 'random';
  /** Fraction of answers that are HTTP 500, 0..1 (ERROR_RATE=15 → 0.15). */
  readonly errorRate: number;
  /** Delay before every answer, in milliseconds (LATENCY=2 → 2000). */
  readonly latencyMs: number;
}

/** Why a demo configuration was refused; `message` is one readable line the kubelet can show. */
export class DemoConfigError extends Error {
  override readonly name = 'DemoConfigError';
  constructor(
    readonly reason: 'UnknownImage' | 'InvalidEnv',
    message: string,
  ) {
    super(message);
  }
}

/** True for a known demo colour name. */
export function isDemoColor(x: string): x is DemoColor {
  return DEMO_COLORS.some((c) => c === x);
}

const REGISTRY_PREFIXES = ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/'];

function splitImage(image: string): { repository: string; tag: string } {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  let repository = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon < 0 ? 'latest' : withoutDigest.slice(colon + 1);
  for (const prefix of REGISTRY_PREFIXES) if (repository.startsWith(prefix)) repository = repository.slice(prefix.length);
  return { repository, tag };
}

/** True when the image names the demo repository, whatever its tag (the tag is checked by `parseDemoImage`). */
export function isDemoImage(image: string): boolean {
  return splitImage(image.trim()).repository === DEMO_IMAGE_REPOSITORY;
}

const TAG_HELP = `expected one of ${DEMO_COLORS.join(', ')}, bad-<colour>, slow-<colour> or latest`;

/**
 * The configuration baked into a demo image: `argoproj/rollouts-demo:bad-green` →
 * `{ color: 'green', errorRate: 0.15, latencyMs: 0 }`; `slow-red` → `{ color: 'red', errorRate: 0, latencyMs: 2000 }`.
 * A missing tag means `latest` (random colour per request). Throws `DemoConfigError` for anything else.
 */
export function parseDemoImage(image: string): DemoConfig {
  const { repository, tag } = splitImage(image.trim());
  if (repository !== DEMO_IMAGE_REPOSITORY) {
    throw new DemoConfigError('UnknownImage', `Cannot run image "${image}" as the demo: repository must be ${DEMO_IMAGE_REPOSITORY}`);
  }
  if (tag === 'latest') return { color: 'random', errorRate: 0, latencyMs: 0 };
  const match = /^(?:(bad|slow)-)?([a-z]+)$/.exec(tag);
  const color = match?.[2] ?? '';
  if (!match || !isDemoColor(color)) {
    throw new DemoConfigError('UnknownImage', `Cannot run image "${image}": unknown tag "${tag}": ${TAG_HELP}`);
  }
  return {
    color,
    errorRate: match[1] === 'bad' ? BAD_TAG_ERROR_PERCENT / 100 : 0,
    latencyMs: match[1] === 'slow' ? SLOW_TAG_LATENCY_SECONDS * 1000 : 0,
  };
}

/** Environment variables as a process sees them. */
export type DemoEnv = Readonly<Record<string, string | undefined>>;

function invalidEnv(name: string, value: string, expected: string): DemoConfigError {
  return new DemoConfigError('InvalidEnv', `Cannot start the demo: ${name} must be ${expected}: current value is "${value}"`);
}

function colorFromEnv(value: string): DemoConfig['color'] {
  if (value === '') return 'random';
  if (!isDemoColor(value)) throw invalidEnv('COLOR', value, `one of ${DEMO_COLORS.join(', ')}`);
  return value;
}

function errorRateFromEnv(value: string): number {
  if (value === '') return 0;
  const percent = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || percent > 100) throw invalidEnv('ERROR_RATE', value, 'a whole percentage from 0 to 100');
  return percent / 100;
}

function latencyMsFromEnv(value: string): number {
  if (value === '') return 0;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw invalidEnv('LATENCY', value, 'a number of seconds >= 0');
  return Math.round(seconds * 1000);
}

/**
 * The configuration of a demo process: the image named by `SLUICE_DEMO_IMAGE` (absent: `latest`), then
 * `COLOR`, `ERROR_RATE` (whole percent) and `LATENCY` (seconds) from the container env, each overriding the
 * image's value when present; present but empty resets it, as an empty container env var hides image ENV.
 * Example: image `bad-blue` with `ERROR_RATE=50`, `LATENCY=0.25` → `{ color: 'blue', errorRate: 0.5, latencyMs: 250 }`.
 */
export function demoConfigFromEnv(env: DemoEnv): DemoConfig {
  const image = env['SLUICE_DEMO_IMAGE'];
  const base = image === undefined || image === '' ? parseDemoImage(`${DEMO_IMAGE_REPOSITORY}:latest`) : parseDemoImage(image);
  const color = env['COLOR'];
  const errorRate = env['ERROR_RATE'];
  const latency = env['LATENCY'];
  return {
    color: color === undefined ? base.color : colorFromEnv(color.trim()),
    errorRate: errorRate === undefined ? base.errorRate : errorRateFromEnv(errorRate),
    latencyMs: latency === undefined ? base.latencyMs : latencyMsFromEnv(latency.trim()),
  };
}

/** The port to bind: PORT when set (0..65535), else 8080. Throws `DemoConfigError` for anything else. */
export function demoPortFromEnv(env: DemoEnv): number {
  const raw = env['PORT']?.trim();
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new DemoConfigError('InvalidEnv', `Cannot start the demo: PORT must be a port number from 0 to 65535: current value is "${raw}"`);
  }
  return port;
}
