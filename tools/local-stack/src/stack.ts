import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@lookout/testing';
import type { Logger } from '@lookout/runtime';
import { startGateway } from './gateway.js';
import { infrastructureEnv, startInfrastructure, type Infrastructure } from './infrastructure.js';
import { REPO_ROOT, repoPath } from './paths.js';
import { spawnService, waitForHealthy, type ServiceProcess } from './processes.js';
import { HEALTH_PATH, type Upstream } from '@lookout/contracts';

export interface StackOptions {
  /** Port of the single public origin; 0 picks a free one. */
  port: number;
  host: string;
  /** Variables that point at existing servers (NATS_URL, DATABASE_URL, S3_*) and service settings. */
  env: NodeJS.ProcessEnv;
  logDir: string;
  logger: Logger;
  /** Number of detector processes sharing the work. */
  detectors?: number;
}

export interface Stack {
  url: string;
  infrastructure: Infrastructure;
  services: ServiceProcess[];
  stop(): Promise<void>;
}

/** Start-up budget of one service, model loading and Next.js included. */
const SERVICE_START_TIMEOUT_MS = 60_000;

/**
 * Starts the infrastructure, runs migrations, starts every service and the gateway.
 * Expects the services to be built (see `ensureBuilt`). On failure it stops what it started.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  mkdirSync(options.logDir, { recursive: true });
  const infrastructure = await startInfrastructure(options.env, options.logger);
  const services: ServiceProcess[] = [];
  const stopServices = async () => {
    // Stop consumers before the servers they talk to.
    await Promise.allSettled(services.map((service) => service.stop()));
    await infrastructure.stop();
  };

  try {
    const baseEnv = { ...process.env, ...options.env, ...infrastructureEnv(infrastructure), LOG_LEVEL: options.env.LOG_LEVEL ?? 'info' };
    runMigrations(baseEnv);

    const ports: Record<Upstream, number> = { ingest: await freePort(), results: await freePort(), web: await freePort() };
    const start = (name: string, script: string[], cwd: string, env: NodeJS.ProcessEnv) => {
      const service = spawnService({ name, command: process.execPath, args: script, cwd, env, logFile: join(options.logDir, `${name}.log`), logger: options.logger });
      services.push(service);
      return service;
    };

    const ingest = start('ingest', [repoPath('services/ingest/dist/main.js')], REPO_ROOT, { ...baseEnv, INGEST_PORT: String(ports.ingest) });
    const results = start('results', [repoPath('services/results/dist/main.js')], REPO_ROOT, { ...baseEnv, RESULTS_PORT: String(ports.results) });
    const detectors: Array<[ServiceProcess, number]> = [];
    for (let index = 0; index < (options.detectors ?? 1); index += 1) {
      const port = await freePort();
      const detector = start(`detector-${index + 1}`, [repoPath('services/detector/dist/main.js')], REPO_ROOT, { ...baseEnv, DETECTOR_PORT: String(port) });
      detectors.push([detector, port]);
    }
    const web = start('web', [repoPath('node_modules/next/dist/bin/next'), 'start', '-p', String(ports.web), '-H', '127.0.0.1'], repoPath('services/web'), { ...baseEnv, WEB_PORT: String(ports.web) });

    const healthUrl = (port: number) => `http://127.0.0.1:${port}${HEALTH_PATH}`;
    await Promise.all([
      waitForHealthy(ingest, healthUrl(ports.ingest), SERVICE_START_TIMEOUT_MS),
      waitForHealthy(results, healthUrl(ports.results), SERVICE_START_TIMEOUT_MS),
      waitForHealthy(web, healthUrl(ports.web), SERVICE_START_TIMEOUT_MS),
      ...detectors.map(([detector, port]) => waitForHealthy(detector, healthUrl(port), SERVICE_START_TIMEOUT_MS)),
    ]);

    const upstreams = {
      ingest: `http://127.0.0.1:${ports.ingest}`,
      results: `http://127.0.0.1:${ports.results}`,
      web: `http://127.0.0.1:${ports.web}`,
    };
    const gateway = await startGateway({ host: options.host, port: options.port, upstreams, logger: options.logger });
    return {
      url: gateway.url,
      infrastructure,
      services,
      stop: async () => {
        await gateway.close();
        await stopServices();
      },
    };
  } catch (error) {
    await stopServices();
    throw error;
  }
}

function runMigrations(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [repoPath('services/results/dist/migrate.js')], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Database migrations failed:\n${result.stdout}\n${result.stderr}`);
  }
}
