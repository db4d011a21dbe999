// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1): chunk-size [; ext] CRLF data CRLF …
// 0 CRLF [trailers] CRLF. Emits data as slices of the input (no copies).

type State = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done';

/** What one `feed` call found. */
export type ChunkedResult =
  | { readonly state: 'more' }
  | { readonly state: 'done'; /** Bytes of the input after the body (a pipelined response: a protocol error for us). */ readonly rest: number }
  | { readonly state: 'error'; readonly message: string };

const MORE: ChunkedResult = Object.freeze({ state: 'more' });
const MAX_LINE = 4096;

/** Decodes one chunked body. */
export class ChunkedDecoder {
  private state: State = 'size';
  private remaining = 0;
  private line = '';

  /** Feeds bytes; `onData` gets every piece of body data in order. */
  feed(buf: Buffer, onData: (chunk: Buffer) => void): ChunkedResult {
    let i = 0;
    while (i < buf.length) {
      if (this.state === 'data') {
        const n = Math.min(this.remaining, buf.length - i);
        onData(buf.subarray(i, i + n));
        i += n;
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'dataEnd';
        continue;
      }
      const nl = buf.indexOf(10, i);
      const end = nl < 0 ? buf.length : nl;
      this.line += buf.toString('latin1', i, end);
      if (this.line.length > MAX_LINE) return { state: 'error', message: 'chunk line too long' };
      if (nl < 0) return MORE;
      i = nl + 1;
      const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
      this.line = '';
      const error = this.onLine(line);
      if (error !== undefined) return { state: 'error', message: error };
      if (this.state === 'done') return { state: 'done', rest: buf.length - i };
    }
    return MORE;
  }

  private onLine(line: string): string | undefined {
    switch (this.state) {
      case 'size': {
        const semi = line.indexOf(';');
        const hex = (semi < 0 ? line : line.slice(0, semi)).trim();
        if (!/^[0-9a-fA-F]{1,12}$/.test(hex)) return `invalid chunk size "${line.slice(0, 40)}"`;
        this.remaining = parseInt(hex, 16);
        this.state = this.remaining === 0 ? 'trailer' : 'data';
        return undefined;
      }
      case 'dataEnd':
        if (line !== '') return 'missing CRLF after chunk data';
        this.state = 'size';
        return undefined;
      case 'trailer':
        if (line === '') this.state = 'done';
        return undefined;
      default:
        return undefined;
    }
  }
}
