import http from 'node:http';

/**
 * One page exactly as the product sent it, per content coding, so the minimal server can replay the
 * same status, headers and bytes. Per-connection headers are left out: Node's http server writes its
 * own Date/Connection/Keep-Alive, and Content-Length is recomputed from the body.
 */
export type Coding = 'br' | 'gzip' | 'identity';

export interface Variant {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export type PageFixture = Record<Coding, Variant>;

const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export const ACCEPT: Record<Coding, string> = { br: 'br, gzip', gzip: 'gzip', identity: 'identity' };

/** A GET on loopback that keeps the raw (still compressed) body. */
export function fetchRaw(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.once('error', reject);
  });
}

export async function capturePage(port: number, path: string): Promise<PageFixture> {
  const variant = async (coding: Coding): Promise<Variant> => {
    const res = await fetchRaw(port, path, { 'accept-encoding': ACCEPT[coding] });
    if (res.status !== 200) throw new Error(`GET ${path} (${coding}) answered ${res.status}`);
    const headers: [string, string][] = [];
    for (let i = 0; i < res.rawHeaders.length; i += 2) {
      const name = res.rawHeaders[i]!;
      if (!PER_CONNECTION.has(name.toLowerCase())) headers.push([name, res.rawHeaders[i + 1]!]);
    }
    const encoding = headers.find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
    if (encoding !== coding) throw new Error(`GET ${path} asked for ${coding} and got ${encoding}`);
    return { status: res.status, headers, body: res.body };
  };
  return { br: await variant('br'), gzip: await variant('gzip'), identity: await variant('identity') };
}

export function serializeFixture(f: PageFixture): string {
  const v = (x: Variant) => ({ status: x.status, headers: x.headers, body: x.body.toString('base64') });
  return JSON.stringify({ br: v(f.br), gzip: v(f.gzip), identity: v(f.identity) });
}

export function parseFixture(json: string): PageFixture {
  const raw = JSON.parse(json) as Record<Coding, { status: number; headers: [string, string][]; body: string }>;
  const v = (x: (typeof raw)[Coding]): Variant => ({ status: x.status, headers: x.headers, body: Buffer.from(x.body, 'base64') });
  return { br: v(raw.br), gzip: v(raw.gzip), identity: v(raw.identity) };
}
