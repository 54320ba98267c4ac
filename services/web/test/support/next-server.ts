import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NEXT_BIN = path.resolve(WEB_ROOT, '../../node_modules/next/dist/bin/next');

export interface RunningNext {
  url: string;
  stop: () => Promise<void>;
}

/** Fails early with the fix when the production build is missing, because `next start` only serves a build. */
export function assertProductionBuild(): void {
  if (!existsSync(path.join(WEB_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error(`No production build in ${WEB_ROOT}/.next: run npm run build -w services/web first`);
  }
}

/** Starts `next start` on a port the kernel picks and resolves once it prints that it is ready. */
export async function startNext(): Promise<RunningNext> {
  assertProductionBuild();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', '0', '-H', '127.0.0.1'], {
    cwd: WEB_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const output: string[] = [];
  child.stderr!.on('data', (data: Buffer) => output.push(data.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    let localUrl: string | undefined;
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      localUrl ??= /Local:\s+(http:\/\/\S+)/.exec(line)?.[1];
      if (localUrl && /Ready/.test(line)) {
        resolve(localUrl);
      }
    });
    child.once('exit', (code) => reject(new Error(`next start exited with code ${code}:\n${output.join('\n')}`)));
  });

  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
