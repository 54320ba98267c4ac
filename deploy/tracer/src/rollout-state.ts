import type { Deployment, Service } from '@aws-sdk/client-ecs';

export type RolloutStatus = 'completed' | 'failed' | 'in-progress';

/** Returns the deployment ECS is rolling out (PRIMARY), if any. */
export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((deployment) => deployment.status === 'PRIMARY');
}

/**
 * Returns the state of a service's rollout. ECS sets rolloutState on the primary deployment when
 * the deployment circuit breaker is on. Without it, a rollout is complete once only the primary
 * deployment remains and it runs its desired count.
 */
export function rolloutStatus(service: Service): RolloutStatus {
  const primary = primaryDeployment(service);
  if (!primary) {
    return 'in-progress';
  }
  if (primary.rolloutState === 'FAILED') {
    return 'failed';
  }
  if (primary.rolloutState === 'COMPLETED') {
    return 'completed';
  }
  if (primary.rolloutState === undefined && (service.deployments?.length ?? 0) === 1 && primary.runningCount === primary.desiredCount) {
    return 'completed';
  }
  return 'in-progress';
}

/** Failed if any service failed, completed if all completed, otherwise in progress. */
export function overallStatus(services: Service[]): RolloutStatus {
  const statuses = services.map(rolloutStatus);
  if (statuses.includes('failed')) {
    return 'failed';
  }
  return statuses.every((status) => status === 'completed') ? 'completed' : 'in-progress';
}
