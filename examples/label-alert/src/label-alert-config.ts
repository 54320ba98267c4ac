import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** File where `npm start` records the addresses of the running stack. The stack removes it when it stops. */
const STACK_FILE = fileURLToPath(new URL('../../../.cache/stack.json', import.meta.url));

/** Settings of the label-alert example, read from environment variables. */
export interface LabelAlertConfig {
  /** NATS_URL, else the NATS server of a running `npm start` stack, else nats://127.0.0.1:4222. */
  natsUrl: string;
  /** ALERT_LABEL: the label to react to, such as `person` or `traffic light`. */
  label: string;
  /** ALERT_MIN_SCORE: the lowest detection score (0 to 1) that raises an alert. */
  minScore: number;
  /** DURABLE: the durable consumer name, which keeps this service's position across restarts. */
  durable: string;
  /** ALERT_WEBHOOK_URL: when set, each alert is also sent there as a JSON POST. */
  webhookUrl: URL | undefined;
}

/** Raised at start-up for an environment variable the example cannot use. */
export class InvalidLabelAlertConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid ${variable}: ${problem}`);
    this.name = 'InvalidLabelAlertConfigError';
  }
}

/** Returns the NATS URL a running `npm start` stack recorded, or undefined when no stack file can be read. */
export function readStackNatsUrl(file: string = STACK_FILE): string | undefined {
  try {
    const natsUrl = (JSON.parse(readFileSync(file, 'utf8')) as { natsUrl?: unknown } | null)?.natsUrl;
    return typeof natsUrl === 'string' && natsUrl !== '' ? natsUrl : undefined;
  } catch {
    // No readable stack file means no local stack, so the default applies.
    return undefined;
  }
}

/** Reads the configuration from environment variables, filling in the defaults. */
export function loadLabelAlertConfig(env: NodeJS.ProcessEnv, stackNatsUrl?: string): LabelAlertConfig {
  const label = env.ALERT_LABEL ?? 'person';
  if (label.trim() === '') {
    throw new InvalidLabelAlertConfigError('ALERT_LABEL', 'expected a label such as person');
  }
  const minScoreText = env.ALERT_MIN_SCORE ?? '0.6';
  const minScore = Number(minScoreText);
  if (minScoreText.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
    throw new InvalidLabelAlertConfigError('ALERT_MIN_SCORE', `expected a number from 0 to 1, got ${JSON.stringify(minScoreText)}`);
  }
  return {
    natsUrl: env.NATS_URL ?? stackNatsUrl ?? 'nats://127.0.0.1:4222',
    label,
    minScore,
    durable: env.DURABLE ?? 'label-alert',
    webhookUrl: parseWebhookUrl(env.ALERT_WEBHOOK_URL),
  };
}

function parseWebhookUrl(value: string | undefined): URL | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  // The value is not echoed because a webhook URL often carries a secret token.
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidLabelAlertConfigError('ALERT_WEBHOOK_URL', 'expected an http:// or https:// URL');
  }
  return url;
}
