export { freePort, LOOPBACK_HOST } from './free-port.js';
export { portIsFree } from './port-is-free.js';
export { deferred, type Deferred } from './deferred.js';
export { waitFor, WaitForTimeoutError, type WaitForOptions } from './wait-for.js';
export { photoPath, photosDir } from './photos.js';

export { findNatsServer, NatsServerNotFoundError, NATS_SERVER_NOT_FOUND_MESSAGE } from './nats/find-nats-server.js';
export { startNats, type NatsHandle, type StartNatsOptions } from './nats/start-nats.js';
export { startPostgres, type PostgresHandle, type StartPostgresOptions } from './postgres/start-postgres.js';
export { startS3, type S3Handle, type StartS3Options } from './s3/start-s3.js';
export { createS3Client } from './s3/create-s3-client.js';
export { startTestServers, type TestServers } from './start-test-servers.js';

export { testServers, TEST_SERVER_ENV, type TestS3Server, type TestServerCoordinates } from './test-servers-env.js';
export { createTestDatabase } from './create-test-database.js';
export { createTestBucket, s3EnvFor, type TestBucket } from './create-test-bucket.js';
export { heicHeaderOnly, pixelBombGif, pixelBombJpeg, pixelBombPng, pixelBombWebp } from './images/hostile-images.js';
