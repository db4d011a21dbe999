// Where renderers write, and whether they may use colour and terminal control sequences.

/** A renderer's output. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** ANSI colours allowed (not `--no-color`, not `TERM=dumb`, not `NO_COLOR`, stdout a terminal or FORCE_COLOR). */
  readonly color: boolean;
  /** stdout is a terminal: watch views may clear the screen between frames. */
  readonly isTTY: boolean;
}

/** Whether colour is on for these settings. */
export function colorEnabled(flag: boolean, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (!flag || env['TERM'] === 'dumb' || (env['NO_COLOR'] ?? '') !== '') return false;
  const force = env['FORCE_COLOR'];
  return isTTY || (force !== undefined && force !== '' && force !== '0');
}
