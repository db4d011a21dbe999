// Serialises a request head for an upstream HTTP/1.1 connection. Names and values come from node:http's parser
// (which refuses CR, LF and NUL) or from the proxy itself, so they are written as they are.

/** `GET /color HTTP/1.1\r\nhost: demo.info\r\n…\r\n\r\n`; a missing Host header becomes `host: <target>`. */
export function formatRequestHead(method: string, path: string, headers: readonly string[], target: string): string {
  let head = `${method} ${path} HTTP/1.1\r\n`;
  let hasHost = false;
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i] ?? '';
    if (!hasHost && name.length === 4 && name.toLowerCase() === 'host') hasHost = true;
    head += `${name}: ${headers[i + 1] ?? ''}\r\n`;
  }
  if (!hasHost) head += `host: ${target}\r\n`;
  return head + '\r\n';
}
