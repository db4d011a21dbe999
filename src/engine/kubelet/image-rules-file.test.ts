import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImageRules, parseImageRules } from './image-rules-file.js';

test('parseImageRules() reads the documented format', () => {
  const rules = parseImageRules('- image: "nginx:*"\n  command: [my-nginx]\n  args: ["-p", "80"]\n  env: {A: 1}\n- {image: "redis", command: [redis-server]}\n');
  assert.deepEqual(rules, [{ image: 'nginx:*', command: ['my-nginx'], args: ['-p', '80'], env: { A: '1' } }, { image: 'redis', command: ['redis-server'] }]);
});

test('parseImageRules() explains malformed entries', () => {
  assert.throws(() => parseImageRules('image: x'), /expected a YAML list/);
  assert.throws(() => parseImageRules('- image: x\n  command: []'), /entry 0 \(x\): command must be a non-empty list/);
});

test('loadImageRules() tolerates a missing file and reports a broken one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-images-'));
  try {
    const path = join(dir, 'images.yaml');
    assert.deepEqual(loadImageRules(path), { path, rules: [] });
    writeFileSync(path, '- [');
    const broken = loadImageRules(path);
    assert.equal(broken.rules.length, 0);
    assert.ok(broken.error !== undefined && broken.error.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
