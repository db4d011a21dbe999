// Argo's colours (cmd/get/get.go colorMapping): icons by meaning, role tags, running analysis in bright blue.
import { ICON } from '../../rollouts/ops/index.js';

const FG = { red: 31, green: 32, yellow: 33, hiBlue: 94 } as const;

const COLOR_OF: Readonly<Record<string, number>> = {
  [ICON.waiting]: FG.yellow, [ICON.progressing]: FG.hiBlue, [ICON.warning]: FG.red, [ICON.unknown]: FG.yellow,
  [ICON.ok]: FG.green, [ICON.bad]: FG.red,
  canary: FG.yellow, stable: FG.green, active: FG.green, preview: FG.hiBlue, ping: FG.hiBlue, pong: FG.hiBlue,
  Pending: FG.hiBlue, Running: FG.hiBlue,
};

/** Wraps `text` in the ANSI colour of `key` (an icon, a tag or a phase) when colour is on. */
export function colorize(text: string, key: string, enabled: boolean): string {
  const code = Object.hasOwn(COLOR_OF, key) ? COLOR_OF[key] : undefined;
  return enabled && code !== undefined ? `\x1b[${code}m${text}\x1b[0m` : text;
}

/** An explicit colour for charts: `yellow` canary, `green` stable, `hiBlue` traffic. */
export function paint(text: string, color: keyof typeof FG, enabled: boolean): string {
  return enabled ? `\x1b[${FG[color]}m${text}\x1b[0m` : text;
}
