// Commands whose result is a few lines of text (`rollout 'demo' promoted`).

/** Lines to print on stdout. */
export interface Messages { lines: string[] }

/** Prints each line. */
export function renderMessages(r: Messages, out: { out(text: string): void }): void {
  for (const line of r.lines) out.out(`${line}\n`);
}
