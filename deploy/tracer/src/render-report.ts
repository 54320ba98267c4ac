import type { ContainerInstance, Deployment, Service, Task } from '@aws-sdk/client-ecs';

import type { ClusterSnapshot } from './cluster-snapshot.js';
import { diagnose, gpuCounts, shortId, type Finding } from './placement-diagnosis.js';
import { rolloutStatus } from './rollout-state.js';

export interface ReportOptions {
  /** Most recent service events to show per service. */
  eventCount: number;
}

function time(date: Date | undefined): string {
  return date ? date.toISOString().replace('.000Z', 'Z') : '-';
}

function taskDefinitionName(arn: string | undefined): string {
  return arn?.split('/').at(-1) ?? '?';
}

function deploymentLine(deployment: Deployment): string {
  const counts = `desired ${deployment.desiredCount ?? 0}, running ${deployment.runningCount ?? 0}, pending ${deployment.pendingCount ?? 0}, failed ${deployment.failedTasks ?? 0}`;
  const rollout = deployment.rolloutState ? ` ${deployment.rolloutState}` : '';
  const reason = deployment.rolloutStateReason ? ` (${deployment.rolloutStateReason})` : '';
  return `    ${deployment.status ?? '?'}${rollout} ${taskDefinitionName(deployment.taskDefinition)}: ${counts}, updated ${time(deployment.updatedAt)}${reason}`;
}

function serviceLines(service: Service, options: ReportOptions): string[] {
  const placement = service.launchType ?? (service.capacityProviderStrategy ?? []).map((strategy) => strategy.capacityProvider).join('+');
  const lines = [
    `service ${service.serviceName ?? '?'} [${service.status ?? '?'}] ${placement || 'default capacity provider'}: desired ${service.desiredCount ?? 0}, running ${service.runningCount ?? 0}, pending ${service.pendingCount ?? 0}; rollout ${rolloutStatus(service)}`,
    '  deployments:',
    ...(service.deployments ?? []).map(deploymentLine),
    '  recent events:',
    ...(service.events ?? []).slice(0, options.eventCount).map((event) => `    ${time(event.createdAt)} ${event.message ?? ''}`),
  ];
  return lines;
}

function stoppedTaskLines(task: Task): string[] {
  const lines = [`  ${task.group ?? '?'} task ${shortId(task.taskArn)} stopped ${time(task.stoppedAt)} [${task.stopCode ?? '?'}]: ${task.stoppedReason ?? 'no reason given'}`];
  for (const container of task.containers ?? []) {
    if (container.reason || container.exitCode !== undefined) {
      lines.push(`    container ${container.name ?? '?'}: exit ${container.exitCode ?? '-'}${container.reason ? `, ${container.reason}` : ''}`);
    }
  }
  return lines;
}

function instanceLine(instance: ContainerInstance): string {
  const type = instance.attributes?.find((attribute) => attribute.name === 'ecs.instance-type')?.value ?? '?';
  const gpus = gpuCounts(instance);
  return `  ${instance.ec2InstanceId ?? shortId(instance.containerInstanceArn)} ${type} [${instance.status ?? '?'}] agent ${instance.agentConnected ? 'connected' : 'DISCONNECTED'}, ${instance.runningTasksCount ?? 0} running tasks, GPUs ${gpus.remaining}/${gpus.registered} free`;
}

function findingLines(finding: Finding): string[] {
  return [`  ${finding.subject}: ${finding.problem}. Usual causes:`, ...finding.causes.map((cause, index) => `    ${index + 1}. ${cause}`)];
}

/** Renders a snapshot as plain text, one line per fact. */
export function renderReport(snapshot: ClusterSnapshot, options: ReportOptions): string {
  const lines: string[] = [`cluster ${snapshot.cluster}`];
  if (snapshot.services.length === 0) {
    lines.push('  no services');
  }
  for (const service of snapshot.services) {
    lines.push(...serviceLines(service, options));
  }

  lines.push('stopped tasks:');
  if (snapshot.stoppedTasks.length === 0) {
    lines.push('  none');
  }
  for (const task of snapshot.stoppedTasks) {
    lines.push(...stoppedTaskLines(task));
  }

  lines.push(`container instances: ${snapshot.containerInstances.length}`);
  for (const instance of snapshot.containerInstances) {
    lines.push(instanceLine(instance));
  }

  const findings = diagnose(snapshot);
  if (findings.length > 0) {
    lines.push('diagnosis:');
    for (const finding of findings) {
      lines.push(...findingLines(finding));
    }
  }
  return lines.join('\n');
}
