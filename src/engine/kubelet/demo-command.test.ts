import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultDemoEntry, demoArgv, loaderArgs } from './demo-command.js';

test('defaultDemoEntry() points at the demo next to this build', () => {
  const entry = defaultDemoEntry();
  assert.match(entry, /[/\\]demo[/\\]main\.(ts|js)$/);
  assert.equal(existsSync(entry), true);
});

test('loaderArgs() keeps loader flags and makes bare specifiers absolute', () => {
  const args = loaderArgs(['--test', '--import', 'tsx', '--require=/abs/x.cjs', '--enable-source-maps']);
  assert.equal(args.length, 4);
  assert.equal(args[0], '--import');
  assert.match(args[1] ?? '', /^file:\/\/.*tsx/);
  assert.deepEqual(args.slice(2), ['--require', '/abs/x.cjs']);
});

test('demoArgv() runs a compiled entry plainly and a .ts entry with a loader', () => {
  assert.deepEqual(demoArgv('/app/dist/src/demo/main.js', ['--import', 'tsx']), [process.execPath, '/app/dist/src/demo/main.js']);
  const ts = demoArgv('/app/src/demo/main.ts', []);
  assert.equal(ts[1], '--import');
  assert.match(ts[2] ?? '', /tsx/);
  assert.equal(ts[3], '/app/src/demo/main.ts');
});
