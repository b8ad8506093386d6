import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** Child processes the bench started, so a failure or Ctrl-C can stop every one of them. */
const running = new Set<ChildProcess>();

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly startedAt: number;
  /** The last few KB of the child's stdout and stderr, for error messages. */
  output(): string;
}

/** A port nothing listens on right now (the OS picks it; released before the child binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function startChild(name: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; port: number }): Child {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${process.execPath}`);
  return { name, process: child, pid: child.pid, port: opts.port, startedAt, output: () => tail };
}

/** One GET on loopback; resolves when the status line and headers arrive (the first bytes). */
function probe(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('probe timed out')));
    req.once('error', reject);
  });
}

/**
 * Polls `path` until it answers 200 and returns ms from spawn to that answer's first byte. Refused
 * connections (not listening yet) are retried every 5 ms; the child exiting ends the wait at once.
 */
export async function waitForFirstByte(child: Child, path: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<number> {
  const deadline = child.startedAt + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited (${child.process.exitCode ?? child.process.signalCode}) before answering:\n${child.output()}`);
    }
    try {
      const status = await probe(child.port, path, headers);
      if (status === 200) return performance.now() - child.startedAt;
      throw new Error(`${child.name} answered ${path} with ${status}:\n${child.output()}`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ECONNREFUSED' && code !== 'ECONNRESET') throw err;
    }
    if (performance.now() > deadline) throw new Error(`${child.name} did not answer ${path} within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves once it is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function signalAllChildren(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
}

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux, 100 Hz ticks). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") "; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
