// Runs s3rver in its own Node process, started by src/s3/start-s3.ts with
// --openssl-legacy-provider: s3rver 3.7.1 encrypts ListObjectsV2 continuation tokens with DES,
// which OpenSSL 3 (in Node 17 and later) offers only through its legacy provider, and that
// provider cannot be switched on inside a running process.
//
// Arguments: one JSON object { port, directory, buckets }. Reports { type: 'ready', port } or
// { type: 'error', message } to the parent over IPC.
import S3rver from 's3rver';

const LOOPBACK_HOST = '127.0.0.1';

// Lets a browser on any origin PUT to the presigned URLs that ingest hands out for direct uploads
// and read objects back. It applies to the buckets created at start-up, such as the local stack's.
// createTestBucket gives the buckets that tests create later the same rule through PutBucketCors.
const CORS_CONFIGURATION = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

function report(message) {
  if (process.send !== undefined) {
    process.send(message);
  }
}

const config = JSON.parse(process.argv[2] ?? '{}');
const server = new S3rver({
  address: LOOPBACK_HOST,
  port: config.port ?? 0,
  directory: config.directory,
  silent: true,
  configureBuckets: (config.buckets ?? []).map((name) => ({ name, configs: [CORS_CONFIGURATION] })),
});

let closing = false;
async function shutdown(exitCode) {
  if (closing) {
    return;
  }
  closing = true;
  try {
    await server.close();
  } catch {
    // The server never started listening, so there is nothing to close.
  }
  process.exit(exitCode);
}

process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));
// The IPC channel closes when the parent exits, even on a crash, so the server goes with it.
process.on('disconnect', () => void shutdown(0));

try {
  const address = await server.run();
  report({ type: 'ready', port: address.port });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`s3rver failed to start: ${message}\n`);
  report({ type: 'error', message });
  await shutdown(1);
}
