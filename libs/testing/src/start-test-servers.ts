import { type NatsHandle, startNats } from './nats/start-nats.js';
import { type PostgresHandle, startPostgres } from './postgres/start-postgres.js';
import { type S3Handle, startS3 } from './s3/start-s3.js';

export interface TestServers {
  nats: NatsHandle;
  postgres: PostgresHandle;
  s3: S3Handle;
  stop(): Promise<void>;
}

/** Starts NATS, PostgreSQL and S3 in parallel. If one fails, the others are stopped again. */
export async function startTestServers(): Promise<TestServers> {
  const results = await Promise.allSettled([startNats(), startPostgres(), startS3()]);
  const [nats, postgres, s3] = results;

  if (nats.status === 'fulfilled' && postgres.status === 'fulfilled' && s3.status === 'fulfilled') {
    const handles = { nats: nats.value, postgres: postgres.value, s3: s3.value };
    return {
      ...handles,
      stop: async () => {
        await Promise.all([handles.nats.stop(), handles.postgres.stop(), handles.s3.stop()]);
      },
    };
  }

  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  await Promise.all(started.map((handle) => handle.stop()));
  const reasons = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  throw new AggregateError(reasons, reasons.map((reason) => (reason instanceof Error ? reason.message : String(reason))).join('\n\n'));
}
