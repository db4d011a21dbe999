// Go's text/tabwriter as Argo's CLI uses it (minwidth 0, tabwidth 0, padding 2, pad ' '): cells end with a tab and
// are padded to the widest cell of their column block plus 2; text after the last tab is not aligned. Widths count
// characters, not ANSI colour codes (as juju/ansiterm's writer does).

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Display width of a cell: code points without ANSI escapes. */
export function cellWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Aligns tab-separated lines. A column block is a run of consecutive lines that all have that tab-terminated cell;
 * each block gets its own width. `["a\tbb\tx", "ccc\td\ty"]` → `["a    bb  x", "ccc  d   y"]`.
 */
export function alignTabs(lines: readonly string[], padding = 2): string[] {
  const rows = lines.map((l) => l.split('\t'));
  const widths = rows.map((cells) => cells.map(() => 0));
  const maxCells = Math.max(0, ...rows.map((r) => r.length - 1));
  for (let col = 0; col < maxCells; col++) {
    let start = 0;
    while (start < rows.length) {
      if ((rows[start]?.length ?? 0) - 1 <= col) { start++; continue; }
      let end = start;
      let width = 0;
      while (end < rows.length && (rows[end]?.length ?? 0) - 1 > col) {
        width = Math.max(width, cellWidth(rows[end]?.[col] ?? ''));
        end++;
      }
      for (let i = start; i < end; i++) {
        const w = widths[i];
        if (w !== undefined) w[col] = width + padding;
      }
      start = end;
    }
  }
  return rows.map((cells, i) => cells.map((c, col) => (col === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, (widths[i]?.[col] ?? 0) - cellWidth(c))))).join(''));
}
