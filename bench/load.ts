import autocannon from 'autocannon';
import { cpuMsOf } from './processes.js';

export interface LoadOptions {
  port: number;
  /** One path, or many taken in turn across all connections (each request gets the next path). */
  paths: readonly string[];
  connections: number;
  /** Seconds of measured load. */
  seconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
  /** The server's pid, to report the CPU time it spent per request. */
  pid?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Mean response size on the wire (headers + body), bytes. */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  /** Server CPU (user + system) per 2xx response, µs; NaN without a pid. Steadier than req/s on a busy machine. */
  cpuUsPerRequest: number;
  /** Share of one core the server used during the run. */
  serverCpuShare: number;
}

function run(opts: LoadOptions, seconds: number, record: boolean): Promise<LoadResult> {
  // One shared counter: with 10 connections the paths are still visited in order, each once per lap.
  let next = 0;
  const many = opts.paths.length > 1;
  const latencies: number[] = [];
  let bytes = 0;
  let ok = 0;
  const cpuBefore = opts.pid === undefined ? NaN : cpuMsOf(opts.pid);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${opts.port}`,
        connections: opts.connections,
        duration: seconds,
        timeout: 10,
        headers: opts.headers,
        requests: [
          many
            ? { method: 'GET', setupRequest: (req) => ({ ...req, path: opts.paths[next++ % opts.paths.length]! }) }
            : { method: 'GET', path: opts.paths[0]! },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const cpuMs = opts.pid === undefined ? NaN : cpuMsOf(opts.pid) - cpuBefore;
        const wall = (result.finish.getTime() - result.start.getTime()) / 1000;
        latencies.sort((a, b) => a - b);
        const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! : NaN);
        resolve({
          requests: ok,
          rps: ok / wall,
          p50: at(0.5),
          p99: at(0.99),
          bytesPerResponse: ok ? bytes / ok : 0,
          non2xx: result.non2xx,
          errors: result.errors,
          cpuUsPerRequest: ok ? (cpuMs * 1000) / ok : NaN,
          serverCpuShare: cpuMs / 1000 / wall,
        });
      },
    );
    // autocannon's own histogram has 1 ms resolution; keep every 2xx latency (float ms) instead.
    instance.on('response', (_client, status, resBytes, ms) => {
      if (!record || status < 200 || status > 299) return;
      ok++;
      bytes += resBytes;
      latencies.push(ms);
    });
  });
}

/** A short unmeasured warm-up (JIT, caches, connection setup), then the measured run. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  if (opts.warmupSeconds > 0) await run(opts, opts.warmupSeconds, false);
  return run(opts, opts.seconds, true);
}
