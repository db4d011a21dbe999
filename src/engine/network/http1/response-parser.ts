// Incremental parser of one HTTP/1.x response at a time on a keep-alive connection: head, then the body as its
// framing says (Content-Length, chunked, or until the connection closes). Interim 1xx responses are skipped.
import { ChunkedDecoder } from './chunked-decoder.js';
import { parseResponseHead, type ResponseHead } from './response-head.js';

/** The empty line that ends a head. */
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/** Receives the parts of a response. */
export interface ResponseSink {
  head(h: ResponseHead): void;
  data(chunk: Buffer): void;
  /** The response is complete; `keepAlive`: the connection may carry another request. */
  end(keepAlive: boolean): void;
}

/** Largest response head accepted (nginx's proxy_buffer_size is 4–8 KiB; servers with big cookies need more). */
export const MAX_RESPONSE_HEAD_BYTES = 64 * 1024;

type State = 'head' | 'length' | 'chunked' | 'close' | 'done';

/** Parses the response to one request; `reset` before each request. */
export class ResponseParser {
  private state: State = 'done';
  private pending: Buffer | undefined;
  private remaining = 0;
  private keepAlive = false;
  private headRequest = false;
  private chunked: ChunkedDecoder | undefined;

  constructor(private readonly sink: ResponseSink) {}

  /** Expects a response to a request with `method`. */
  reset(method: string): void {
    this.state = 'head';
    this.pending = undefined;
    this.headRequest = method === 'HEAD';
  }

  /** True when no response is being parsed. */
  isDone(): boolean { return this.state === 'done'; }

  /** True once the head has been delivered. */
  hasHead(): boolean { return this.state !== 'head' && this.state !== 'done'; }

  /** Feeds received bytes; returns an error message when the response is malformed. */
  feed(data: Buffer): string | undefined {
    if (this.state === 'done') return 'unexpected data from the backend';
    if (this.state === 'head') return this.feedHead(data);
    return this.feedBody(data);
  }

  /** The connection closed: true when that ends a close-delimited body (the response is complete). */
  close(): boolean {
    if (this.state !== 'close') return false;
    this.state = 'done';
    this.sink.end(false);
    return true;
  }

  private feedHead(data: Buffer): string | undefined {
    const buf = this.pending === undefined ? data : Buffer.concat([this.pending, data]);
    const end = buf.indexOf(HEAD_END);
    if (end < 0) {
      if (buf.length > MAX_RESPONSE_HEAD_BYTES) return 'response head too large';
      this.pending = buf;
      return undefined;
    }
    this.pending = undefined;
    const head = parseResponseHead(buf.toString('latin1', 0, end), this.headRequest);
    if (typeof head === 'string') return head;
    const rest = buf.subarray(end + 4);
    if (head.status < 200) return head.status === 101 ? 'unexpected protocol switch' : rest.length > 0 ? this.feedHead(rest) : undefined;
    this.keepAlive = head.keepAlive;
    this.sink.head(head);
    const f = head.framing;
    if (f.kind === 'none') return this.finish(rest);
    if (f.kind === 'length') { this.state = 'length'; this.remaining = f.bytes; }
    else if (f.kind === 'chunked') { this.state = 'chunked'; this.chunked = new ChunkedDecoder(); }
    else this.state = 'close';
    return rest.length > 0 ? this.feedBody(rest) : undefined;
  }

  private feedBody(data: Buffer): string | undefined {
    switch (this.state) {
      case 'length': {
        if (data.length <= this.remaining) {
          this.remaining -= data.length;
          this.sink.data(data);
          return this.remaining === 0 ? this.finish(data.subarray(data.length)) : undefined;
        }
        const body = data.subarray(0, this.remaining);
        this.remaining = 0;
        this.sink.data(body);
        return this.finish(data.subarray(body.length));
      }
      case 'chunked': {
        const r = this.chunked?.feed(data, (c) => this.sink.data(c)) ?? { state: 'error', message: 'no decoder' };
        if (r.state === 'error') return r.message;
        return r.state === 'done' ? this.finish(data.subarray(data.length - r.rest)) : undefined;
      }
      case 'close':
        this.sink.data(data);
        return undefined;
      default:
        return 'unexpected data from the backend';
    }
  }

  private finish(rest: Buffer): string | undefined {
    this.state = 'done';
    this.chunked = undefined;
    // Bytes after a complete response were not asked for: deliver the response, but never reuse the connection.
    this.sink.end(this.keepAlive && rest.length === 0);
    return undefined;
  }
}
