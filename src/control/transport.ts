// The transport under the client port: one HTTP-shaped request/response exchange. Two adapters implement
// it: HTTPS to any API server (`HttpsTransport`), and the embedded API server's handler called in-process.
// The client above it is the same in both cases, so in-process runs exercise the real REST paths.

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with query string, e.g. `/api/v1/namespaces/default/pods?watch=true`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as chunks; for watches and followed logs it stays open until the server ends it or `signal` aborts. */
  body: AsyncIterable<Uint8Array>;
}

/** Sends one request. Rejects only for transport failures (connection refused, aborted), never for HTTP status. */
export interface Transport {
  request(req: TransportRequest): Promise<TransportResponse>;
}

/** Reads a whole response body as text. */
export async function readText(res: TransportResponse): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const c of res.body) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
