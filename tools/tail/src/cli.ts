import { main } from './main.js';

// Ctrl-C or SIGTERM aborts the tail, which then deletes its consumers and closes the connection.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

process.exitCode = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  signal: controller.signal,
});
