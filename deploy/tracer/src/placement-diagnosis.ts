import type { ContainerInstance, Service, Task } from '@aws-sdk/client-ecs';

import type { ClusterSnapshot } from './cluster-snapshot.js';

/** A problem the tracer recognised, with the usual causes in the order to check them. */
export interface Finding {
  subject: string;
  problem: string;
  causes: string[];
}

const NO_INSTANCES_CAUSES = [
  'The instances boot an AMI without the ECS agent (a Deep Learning AMI, plain Amazon Linux). Use the ECS-optimized AMI from /aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id.',
  'The user data does not write ECS_CLUSTER=<cluster> to /etc/ecs/ecs.config, so the agent registered with the cluster named "default".',
  'The instance profile lacks AmazonEC2ContainerServiceforEC2Role, so the agent cannot call ecs:RegisterContainerInstance.',
  'The instances sit in subnets with no route to the ECS endpoints: no NAT gateway and no ecs, ecs-agent and ecs-telemetry VPC endpoints.',
  'The Auto Scaling group has no instances: check its desired capacity, its activity history (for example InsufficientInstanceCapacity for the GPU type) and that the capacity provider is attached to the cluster.',
];

const GPU_CAUSES = [
  'The task asks for a GPU but the instances are not a GPU type (g4dn, g5, g6, p3...), so they register no GPU resource.',
  'The instances run the standard ECS AMI instead of the GPU variant, or ECS_ENABLE_GPU_SUPPORT=true is missing from /etc/ecs/ecs.config.',
  'Every GPU is taken: each detector task reserves one, so the capacity provider must start another instance (check gpu_max_instances).',
];

const RESOURCE_CAUSES = [
  'The task asks for more CPU or memory than an instance has left after the ECS agent\'s share; lower the task size or use a larger instance type.',
];

const STOPPED_REASON_HINTS: Array<{ pattern: RegExp; problem: string; causes: string[] }> = [
  {
    pattern: /CannotPullContainerError.*not found/is,
    problem: 'the image tag does not exist in the repository',
    causes: ['Push the image with that tag, or deploy a tag that exists: aws ecr describe-images --repository-name <repository>.', 'Check that repository_url names the repository you pushed to (name prefix, Region, account).'],
  },
  {
    pattern: /CannotPullContainerError/i,
    problem: 'the image could not be pulled',
    causes: ['The task has no route to ECR: the ecr.api and ecr.dkr endpoints or the S3 gateway endpoint (image layers) or a NAT gateway are missing.', 'The execution role lacks AmazonECSTaskExecutionRolePolicy.'],
  },
  {
    pattern: /ResourceInitializationError.*log group does not exist/is,
    problem: 'the awslogs log group does not exist',
    causes: ['Create the log group in Terraform (the service module does) instead of relying on awslogs-create-group.', 'Check that awslogs-group and awslogs-region name the group and Region it lives in.'],
  },
  {
    pattern: /ResourceInitializationError.*(secrets|ssm parameters)/is,
    problem: 'ECS could not read the secrets injected into the container',
    causes: ['The execution role cannot read the secret (secretsmanager:GetSecretValue, and kms:Decrypt for a customer managed key).', 'The task has no route to Secrets Manager: no secretsmanager VPC endpoint and no NAT gateway.'],
  },
  {
    pattern: /failed (ELB|elb) health checks/i,
    problem: 'the load balancer marked the task unhealthy',
    causes: [
      'The target group checks a path the service does not serve; every Lookout service answers GET /health. The target health shows "Health checks failed with these codes: [404]".',
      'The service listens on another port than the target group, or on 127.0.0.1 only (the web image sets WEB_HOST=0.0.0.0).',
      'The service security group does not allow the container port from the load balancer\'s security group.',
    ],
  },
  {
    pattern: /Essential container in task exited/i,
    problem: 'the service container exited',
    causes: ['Read the container\'s log stream in its CloudWatch log group: the services log "start-up failed" with the invalid variable or the error.'],
  },
];

function isEc2Service(service: Service): boolean {
  return service.launchType === 'EC2' || (service.capacityProviderStrategy ?? []).some((strategy) => !strategy.capacityProvider?.startsWith('FARGATE'));
}

/** GPUs an instance registered and has left; ECS reports GPUs as a STRINGSET of device IDs. */
export function gpuCounts(instance: ContainerInstance): { registered: number; remaining: number } {
  const count = (resources: ContainerInstance['registeredResources']): number =>
    resources?.filter((resource) => resource.name === 'GPU').reduce((total, resource) => total + (resource.stringSetValue?.length ?? resource.integerValue ?? 0), 0) ?? 0;
  return { registered: count(instance.registeredResources), remaining: count(instance.remainingResources) };
}

function recentPlacementFailures(service: Service): string[] {
  return (service.events ?? [])
    .slice(0, 10)
    .map((event) => event.message ?? '')
    .filter((message) => message.includes('was unable to place a task'));
}

function diagnosePlacement(service: Service, instances: ContainerInstance[]): Finding[] {
  const name = service.serviceName ?? '?';
  const failures = recentPlacementFailures(service);
  const findings: Finding[] = [];
  const noInstancesMessage = failures.some((message) => message.includes('No Container Instances were found in your cluster'));

  if (noInstancesMessage || (isEc2Service(service) && instances.length === 0 && (service.pendingCount ?? 0) + (service.desiredCount ?? 0) > (service.runningCount ?? 0))) {
    findings.push({ subject: `service ${name}`, problem: 'no container instance is registered with the cluster ("No Container Instances were found in your cluster")', causes: NO_INSTANCES_CAUSES });
  }
  if (failures.some((message) => /GPU/i.test(message))) {
    findings.push({ subject: `service ${name}`, problem: 'no container instance has a free GPU', causes: GPU_CAUSES });
  } else if (failures.some((message) => /insufficient (memory|CPU)/i.test(message))) {
    findings.push({ subject: `service ${name}`, problem: 'no container instance has enough CPU or memory left', causes: RESOURCE_CAUSES });
  } else if (failures.length > 0 && !noInstancesMessage) {
    findings.push({ subject: `service ${name}`, problem: 'ECS could not place a task ("unable to place a task because no container instance met all of its requirements")', causes: [...GPU_CAUSES, ...RESOURCE_CAUSES, 'A placement constraint (memberOf, distinctInstance) excludes every instance.'] });
  }
  return findings;
}

function diagnoseInstances(instances: ContainerInstance[]): Finding[] {
  const findings: Finding[] = [];
  for (const instance of instances) {
    const subject = `container instance ${instance.ec2InstanceId ?? instance.containerInstanceArn ?? '?'}`;
    if (instance.agentConnected === false) {
      findings.push({ subject, problem: 'the ECS agent is disconnected', causes: ['The instance lost its route to the ECS endpoints, or the agent stopped: sudo systemctl status ecs (through Session Manager).'] });
    }
  }
  return findings;
}

function diagnoseStoppedTasks(tasks: Task[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const task of tasks) {
    const reasons = [task.stoppedReason ?? '', ...(task.containers ?? []).map((container) => container.reason ?? '')].join('\n');
    const hint = STOPPED_REASON_HINTS.find((candidate) => candidate.pattern.test(reasons));
    if (!hint || seen.has(`${task.group}|${hint.problem}`)) {
      continue;
    }
    seen.add(`${task.group}|${hint.problem}`);
    findings.push({ subject: `${task.group ?? 'task'} (task ${shortId(task.taskArn)})`, problem: hint.problem, causes: hint.causes });
  }
  return findings;
}

/** Returns the last segment of an ARN, enough to find the task in the console. */
export function shortId(arn: string | undefined): string {
  return arn?.split('/').at(-1) ?? '?';
}

/** Recognises the classic placement and start-up failures in a snapshot. */
export function diagnose(snapshot: ClusterSnapshot): Finding[] {
  return [
    ...snapshot.services.flatMap((service) => diagnosePlacement(service, snapshot.containerInstances)),
    ...diagnoseInstances(snapshot.containerInstances),
    ...diagnoseStoppedTasks(snapshot.stoppedTasks),
  ];
}
