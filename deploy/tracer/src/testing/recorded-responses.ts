import type { ContainerInstance, Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';

// Responses shaped like those of the ECS API for the example environment (cluster "lookout",
// account 123456789012, eu-west-1), with the fields the tracer reads. Dates are Date objects,
// as the SDK returns them.

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
export const CLUSTER = 'lookout';
const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`;

export function serviceArn(name: string): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/${name}`;
}

export function taskArn(id: string): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/${id}`;
}

function taskDefinitionArn(family: string, revision: number): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${CLUSTER}-${family}:${revision}`;
}

export function event(message: string, at: string): ServiceEvent {
  return { id: `${message.length}-${at}`, createdAt: new Date(at), message };
}

export function deployment(overrides: Partial<Deployment> & Pick<Deployment, 'status'>): Deployment {
  return {
    id: `ecs-svc/${overrides.status === 'PRIMARY' ? '4729180361947290385' : '1939440167702840551'}`,
    taskDefinition: taskDefinitionArn('web', overrides.status === 'PRIMARY' ? 8 : 7),
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 2,
    failedTasks: 0,
    createdAt: new Date('2025-06-03T09:12:04Z'),
    updatedAt: new Date('2025-06-03T09:15:40Z'),
    launchType: 'FARGATE',
    ...overrides,
  };
}

/** Returns the web service on Fargate, steady after a completed rollout. */
export function steadyWebService(): Service {
  return {
    serviceArn: serviceArn('web'),
    serviceName: 'web',
    clusterArn: CLUSTER_ARN,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    deployments: [deployment({ status: 'PRIMARY', rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment ecs-svc/4729180361947290385 completed.' })],
    events: [
      event('(service web) has reached a steady state.', '2025-06-03T09:15:40Z'),
      event('(service web) (deployment ecs-svc/4729180361947290385) deployment completed.', '2025-06-03T09:15:39Z'),
    ],
  };
}

/** Returns the web service halfway through a rollout, with one of two new tasks running. */
export function rollingWebService(): Service {
  return {
    ...steadyWebService(),
    runningCount: 3,
    deployments: [
      deployment({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 1, pendingCount: 1, rolloutStateReason: 'ECS deployment ecs-svc/4729180361947290385 in progress.' }),
      deployment({ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 2 }),
    ],
    events: [event('(service web) has started 1 tasks: (task 5d0b1c7e8f2a4d3c9b6e1f0a2b3c4d5e).', '2025-06-03T09:13:02Z')],
  };
}

/** Returns the web service after the circuit breaker stopped a deployment whose image tag was never pushed. */
export function failedWebService(): Service {
  return {
    ...steadyWebService(),
    deployments: [
      deployment({ status: 'PRIMARY', rolloutState: 'FAILED', runningCount: 0, failedTasks: 4, rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
      deployment({ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 2 }),
    ],
    events: [
      event('(service web) (deployment ecs-svc/4729180361947290385) deployment failed: tasks failed to start.', '2025-06-03T09:21:10Z'),
      event('(service web) rolling back to deployment ecs-svc/1939440167702840551.', '2025-06-03T09:21:11Z'),
    ],
  };
}

export function stoppedWebTask(id: string, stoppedReason: string, at: string): Task {
  return {
    taskArn: taskArn(id),
    clusterArn: CLUSTER_ARN,
    group: 'service:web',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason,
    stoppedAt: new Date(at),
    containers: [{ name: 'web', lastStatus: 'STOPPED', reason: stoppedReason }],
  };
}

export const IMAGE_NOT_FOUND =
  'CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/lookout/web:3f2c9a1: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/lookout/web:3f2c9a1: not found';

export const LOG_GROUP_MISSING =
  'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1';

export const ELB_HEALTH_CHECKS_FAILED = 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/lookout-web/0a1b2c3d4e5f6a7b)';

/** Returns the detector service waiting for a GPU instance that never registered. */
export function detectorWithoutInstances(): Service {
  return {
    serviceArn: serviceArn('detector'),
    serviceName: 'detector',
    clusterArn: CLUSTER_ARN,
    status: 'ACTIVE',
    desiredCount: 1,
    runningCount: 0,
    pendingCount: 0,
    capacityProviderStrategy: [{ capacityProvider: 'lookout-gpu', weight: 1, base: 0 }],
    deployments: [
      {
        id: 'ecs-svc/8264519302847561930',
        status: 'PRIMARY',
        taskDefinition: taskDefinitionArn('detector', 3),
        desiredCount: 1,
        pendingCount: 0,
        runningCount: 0,
        failedTasks: 0,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: 'ECS deployment ecs-svc/8264519302847561930 in progress.',
        capacityProviderStrategy: [{ capacityProvider: 'lookout-gpu', weight: 1, base: 0 }],
        createdAt: new Date('2025-06-03T10:02:00Z'),
        updatedAt: new Date('2025-06-03T10:02:00Z'),
      },
    ],
    events: [
      event(
        '(service detector) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
        '2025-06-03T10:04:31Z',
      ),
    ],
  };
}

/** Returns the detector service once an instance without a GPU has registered. */
export function detectorOnNonGpuInstance(): Service {
  return {
    ...detectorWithoutInstances(),
    events: [
      event(
        '(service detector) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 6f1e2d3c4b5a49788796a5b4c3d2e1f0) has insufficient GPU resource available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
        '2025-06-03T10:09:12Z',
      ),
    ],
  };
}

export function containerInstance(options: { ec2InstanceId: string; instanceType: string; gpuIds: string[]; freeGpuIds: string[]; runningTasks: number }): ContainerInstance {
  const gpu = (ids: string[]) => (ids.length > 0 ? [{ name: 'GPU', type: 'STRINGSET', stringSetValue: ids }] : []);
  return {
    containerInstanceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${CLUSTER}/6f1e2d3c4b5a49788796a5b4c3d2e1f0`,
    ec2InstanceId: options.ec2InstanceId,
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: options.runningTasks,
    pendingTasksCount: 0,
    versionInfo: { agentVersion: '1.89.3' },
    attributes: [
      { name: 'ecs.instance-type', value: options.instanceType },
      { name: 'ecs.os-type', value: 'linux' },
    ],
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 15563 },
      ...gpu(options.gpuIds),
    ],
    remainingResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 1024 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 3275 },
      ...gpu(options.freeGpuIds),
    ],
  };
}
