// Counts the colours answered through the ingress for `n` requests (keep-alive, a few at a time).
import { Agent, request } from 'undici';

/** `{ '"blue"': 900, '"green"': 100 }` for n requests to `url` with Host `host`. */
export async function countColours(url: string, host: string, n: number, concurrency = 4, headers: Record<string, string> = {}): Promise<Record<string, number>> {
  const agent = new Agent({ connections: concurrency });
  const counts: Record<string, number> = {};
  let left = n;
  const worker = async (): Promise<void> => {
    while (left-- > 0) {
      const res = await request(url, { dispatcher: agent, headers: { ...headers, host } });
      const body = res.statusCode >= 500 ? `HTTP ${res.statusCode}` : await res.body.text();
      if (res.statusCode >= 500) await res.body.dump();
      counts[body] = (counts[body] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await agent.close();
  return counts;
}
