// The API server's request and response, independent of sockets: the Node HTTPS adapter and the
// in-process transport both translate to and from these.

export interface ApiRequest {
  method: string;
  /** Path without the query string, percent-decoded per segment by the router. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array | undefined;
  /** The authenticated user, set by the adapter after authentication. */
  user: string;
}

/** Where a streaming response writes; `end` closes the stream. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

/** A complete response, or a stream started with a sink and cancelled by the returned function. */
export type ApiResponse =
  | { status: number; headers: Record<string, string>; body: string | Uint8Array }
  | { status: number; headers: Record<string, string>; stream: (sink: StreamSink) => () => void };

/** Handles one request. Never rejects: every failure becomes a Status response. */
export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

export const JSON_TYPE = 'application/json';

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
