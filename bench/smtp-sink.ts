/**
 * A local SMTP sink for `bench/newsletter.ts`: accepts every message, keeps none, and counts them. Its
 * own process, so the sender measured does not share an event loop (or memory) with the receiver.
 * Prints `port <n>` when listening; answers `count` on stdin with `count <n>`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  closeTimeout: 200,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count++;
      callback(null, 'Queued');
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${(server.server.address() as AddressInfo).port}`);
});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  if (line.trim() === 'count') console.log(`count ${count}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
