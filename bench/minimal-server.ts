import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parseFixture, type Variant } from './page-fixture.js';

/**
 * The baseline: a bare node:http server answering every request with one page's bytes and headers
 * from memory (picked by Accept-Encoding), i.e. the fastest this machine can serve that response
 * from Node. Run as its own process: `node --import tsx bench/minimal-server.ts <fixture.json> <port>`.
 */
const [fixtureFile, portArg] = process.argv.slice(2);
if (!fixtureFile || !portArg) throw new Error('usage: minimal-server.ts <fixture.json> <port>');
const fixture = parseFixture(readFileSync(fixtureFile, 'utf8'));

// Headers are flattened once, as a cache hit would; only Content-Length is added.
const prepared = (v: Variant): { status: number; headers: string[]; body: Buffer } => ({
  status: v.status,
  headers: [...v.headers.flat(), 'Content-Length', String(v.body.length)],
  body: v.body,
});
const br = prepared(fixture.br);
const gzip = prepared(fixture.gzip);
const identity = prepared(fixture.identity);

http
  .createServer((req, res) => {
    const accept = req.headers['accept-encoding'] ?? '';
    const page = accept.includes('br') ? br : accept.includes('gzip') ? gzip : identity;
    res.writeHead(page.status, page.headers);
    res.end(page.body);
  })
  .listen(Number(portArg), '127.0.0.1');
