// X-Request-ID values like nginx's `$request_id`: 32 hex digits from 16 random bytes, drawn from a buffer
// refilled 256 ids at a time so the hot path makes no system call.
import { randomBytes } from 'node:crypto';

const BATCH = 256;

/** A source of fresh request ids. */
export function requestIdSource(random: (size: number) => Buffer = randomBytes): () => string {
  let pool = random(16 * BATCH);
  let offset = 0;
  return () => {
    if (offset >= pool.length) {
      pool = random(16 * BATCH);
      offset = 0;
    }
    const id = pool.toString('hex', offset, offset + 16);
    offset += 16;
    return id;
  };
}
