// One container instance's output on disk, in the CRI log format the real kubelet uses:
// `<RFC3339Nano> <stdout|stderr> <F|P> <text>` per record (P = partial line). The file is bounded: past
// `maxBytes` its older half is dropped. Followers get records as they are written.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Clock } from '../../lib/clock.js';

/** One record: a whole line (`partial` false) or a piece of one. */
export interface LogRecord {
  readonly ts: string;
  readonly stream: 'stdout' | 'stderr';
  readonly partial: boolean;
  readonly text: string;
}

type Follower = { onRecord: (r: LogRecord) => void; onEnd: () => void };

/** `2025-01-01T00:00:00.123Z` → `2025-01-01T00:00:00.123000000Z` (RFC 3339 with nanoseconds). */
export function nanoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Appends records of one instance to its file and tells followers. */
export class LogWriter {
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private readonly followers = new Set<Follower>();
  private bytes = 0;
  private done = false;

  constructor(readonly path: string, private readonly maxBytes: number, private readonly clock: Clock) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
  }

  /** True once the instance has exited. */
  get ended(): boolean { return this.done; }

  /** Records a chunk of output. */
  write(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (this.done) return;
    const text = this.decoders[stream].write(chunk);
    if (text === '') return;
    const parts = text.split('\n');
    const tail = parts.pop() ?? '';
    const ts = nanoTimestamp(this.clock.now());
    const records: LogRecord[] = parts.map((p) => ({ ts, stream, partial: false, text: p }));
    if (tail !== '') records.push({ ts, stream, partial: true, text: tail });
    const data = records.map((r) => `${r.ts} ${r.stream} ${r.partial ? 'P' : 'F'} ${r.text}\n`).join('');
    appendFileSync(this.path, data);
    this.bytes += Buffer.byteLength(data);
    if (this.bytes > this.maxBytes) this.trim();
    for (const r of records) for (const f of this.followers) f.onRecord(r);
  }

  /** Marks the instance as exited: followers are told and dropped. */
  end(): void {
    if (this.done) return;
    this.done = true;
    for (const f of this.followers) f.onEnd();
    this.followers.clear();
  }

  /** Delivers every later record until the instance exits; returns a cancel function. */
  follow(onRecord: (r: LogRecord) => void, onEnd: () => void): () => void {
    if (this.done) { onEnd(); return () => undefined; }
    const f: Follower = { onRecord, onEnd };
    this.followers.add(f);
    return () => { this.followers.delete(f); };
  }

  /** Keeps the newest half of the budget, cut at a record boundary. */
  private trim(): void {
    const data = readFileSync(this.path);
    const start = data.indexOf(0x0a, Math.max(0, data.length - Math.floor(this.maxBytes / 2)));
    const kept = start < 0 ? Buffer.alloc(0) : data.subarray(start + 1);
    writeFileSync(this.path, kept);
    this.bytes = kept.length;
  }
}

/** Reads the records of a log file (none when it does not exist). */
export function readLogRecords(path: string): LogRecord[] {
  if (!existsSync(path)) return [];
  const out: LogRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\S+) (stdout|stderr) ([FP]) (.*)$/.exec(line);
    if (m === null) continue;
    out.push({ ts: m[1] ?? '', stream: m[2] === 'stderr' ? 'stderr' : 'stdout', partial: m[3] === 'P', text: m[4] ?? '' });
  }
  return out;
}
