// Splits a stream of JSON documents (newline-delimited, or simply concatenated, as watch streams may be)
// into one text per document, whatever the chunk boundaries: a chunk may end inside a string, inside an
// escape, or inside a multi-byte UTF-8 character.

/** Incremental splitter: feed text, get back every document completed so far. */
export class JsonDocumentSplitter {
  private buf = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanned = 0;
  private start = -1;

  /** Appends text and returns the complete top-level JSON objects or arrays it finished. */
  push(text: string): string[] {
    this.buf += text;
    const out: string[] = [];
    for (let i = this.scanned; i < this.buf.length; i++) {
      const done = this.step(this.buf.charCodeAt(i), i);
      if (done) {
        out.push(this.buf.slice(this.start, i + 1));
        this.start = -1;
      }
    }
    this.compact();
    return out;
  }

  /** Text after the last complete document, ignoring whitespace (non-empty means a truncated stream). */
  rest(): string {
    return (this.start < 0 ? '' : this.buf.slice(this.start)).trim();
  }

  private step(c: number, i: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c) this.escaped = true;
      else if (c === 0x22) this.inString = false;
      return false;
    }
    if (c === 0x22) { this.inString = true; return false; }
    if (c === 0x7b || c === 0x5b) {
      if (this.depth === 0) this.start = i;
      this.depth++;
      return false;
    }
    if (c === 0x7d || c === 0x5d) {
      this.depth--;
      return this.depth === 0;
    }
    if (this.depth === 0 && !isSpace(c)) throw new TypeError(`Cannot decode watch stream: unexpected ${JSON.stringify(String.fromCharCode(c))} between events`);
    return false;
  }

  private compact(): void {
    if (this.start < 0) { this.buf = ''; this.scanned = 0; return; }
    this.buf = this.buf.slice(this.start);
    this.scanned = this.buf.length;
    this.start = 0;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Decodes byte chunks into JSON document texts. */
export async function* jsonDocuments(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const splitter = new JsonDocumentSplitter();
  for await (const chunk of chunks) yield* splitter.push(decoder.decode(chunk, { stream: true }));
  yield* splitter.push(decoder.decode());
  const rest = splitter.rest();
  if (rest !== '') throw new TypeError(`Cannot decode watch stream: it ended inside an event: ${rest.slice(0, 80)}`);
}
