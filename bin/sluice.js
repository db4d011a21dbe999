#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (`npm run build` produces dist/).
import('../dist/src/main.js').catch((err) => {
  process.stderr.write(`sluice: cannot start: ${err instanceof Error ? err.message : String(err)}\n` +
    'Run `npm run build` first if dist/ is missing.\n');
  process.exit(1);
});
