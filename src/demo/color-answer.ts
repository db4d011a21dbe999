// The answer to one `/color` request, decided purely from the configuration, the request's overrides and a
// random source, so the arithmetic can be tested with scripted random numbers.
import { DEMO_COLORS, type DemoColor, type DemoConfig } from './config.js';
import type { ColorOverride } from './color-overrides.js';

/** What one `/color` request gets: the colour, the HTTP status, and how long to wait before answering. */
export interface ColorAnswer {
  readonly color: DemoColor;
  readonly status: 200 | 500;
  readonly delayMs: number;
}

/** Picks a colour from a random number in [0, 1): 0.0 → red, 0.7 → blue (index ⌊0.7 × 6⌋ = 4). */
export function computeRandomColor(random: number): DemoColor {
  const index = Math.min(DEMO_COLORS.length - 1, Math.max(0, Math.floor(random * DEMO_COLORS.length)));
  return DEMO_COLORS[index] ?? 'blue';
}

/**
 * Decides one answer. The override whose `color` equals the answer's colour (the last one, if several do)
 * replaces the configured error rate and latency where it sets them. The error draw fails the request when
 * `random() < rate`: with errorRate 0.15, about 150 of 1,000 answers are 500s. `random` is called once for a
 * random colour and once for the error draw, and only when the rate is above 0.
 */
export function computeColorAnswer(
  config: Readonly<DemoConfig>,
  overrides: readonly ColorOverride[],
  random: () => number,
): ColorAnswer {
  const color = config.color === 'random' ? computeRandomColor(random()) : config.color;
  const override = overrides.findLast((o) => o.color === color);
  const errorRate = override?.errorPercent !== undefined ? override.errorPercent / 100 : config.errorRate;
  const delayMs = override?.latencySeconds !== undefined ? Math.round(override.latencySeconds * 1000) : config.latencyMs;
  const failed = errorRate > 0 && random() < errorRate;
  return { color, status: failed ? 500 : 200, delayMs };
}
