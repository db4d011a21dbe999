import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../lib/clock.js';
import { LogWriter, nanoTimestamp, readLogRecords, type LogRecord } from './log-file.js';
import { formatLogRecords, recordFormatter } from './log-format.js';

test('LogWriter records lines and partial lines, and followers see them until the end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-log-'));
  try {
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    const w = new LogWriter(join(dir, 'c', '0.log'), 1 << 20, clock);
    const seen: LogRecord[] = [];
    let ended = false;
    w.follow((r) => seen.push(r), () => { ended = true; });
    w.write('stdout', Buffer.from('hello\nwor'));
    clock.advance(1500);
    w.write('stderr', Buffer.from('oops\n'));
    w.write('stdout', Buffer.from('ld\n'));
    w.end();
    assert.equal(ended, true);
    assert.equal(seen.length, 4);
    const records = readLogRecords(w.path);
    assert.deepEqual(records.map((r) => [r.stream, r.partial, r.text]), [['stdout', false, 'hello'], ['stdout', true, 'wor'], ['stderr', false, 'oops'], ['stdout', false, 'ld']]);
    assert.equal(formatLogRecords(records, { timestamps: false }), 'hello\nworoops\nld\n');
    assert.equal(formatLogRecords(records, { timestamps: false, tailLines: 1 }), 'ld\n');
    assert.equal(formatLogRecords(records, { timestamps: true, tailLines: 1 }), `${nanoTimestamp(Date.UTC(2025, 0, 1) + 1500)} ld\n`);
    assert.equal(formatLogRecords(records, { timestamps: false, sinceMs: Date.UTC(2025, 0, 1) + 1000 }), 'ld\n');
    assert.equal(formatLogRecords(records, { timestamps: false, limitBytes: 3 }), 'hel');
    const fmt = recordFormatter(false);
    assert.equal(seen.map(fmt).join(''), 'hello\nwor' + 'oops\n' + 'ld\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('LogWriter keeps its file under the byte budget, dropping the oldest records', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-log-'));
  try {
    const w = new LogWriter(join(dir, '0.log'), 4096, new ManualClock());
    for (let i = 0; i < 500; i++) w.write('stdout', Buffer.from(`line ${i}\n`));
    assert.ok(statSync(w.path).size <= 4096);
    const records = readLogRecords(w.path);
    assert.equal(records.at(-1)?.text, 'line 499');
    assert.ok((records[0]?.text ?? '').startsWith('line '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
