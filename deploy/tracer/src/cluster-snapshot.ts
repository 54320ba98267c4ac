import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ContainerInstance,
  type ECSClient,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';

// ECS API limits: DescribeServices takes 10 names, DescribeTasks and DescribeContainerInstances 100.
const SERVICES_PER_DESCRIBE = 10;
const TASKS_PER_DESCRIBE = 100;

/** State of a cluster as the tracer read it at one moment. */
export interface ClusterSnapshot {
  cluster: string;
  services: Service[];
  /** Recently stopped tasks of those services, newest first (ECS keeps them for about an hour). */
  stoppedTasks: Task[];
  containerInstances: ContainerInstance[];
}

export interface SnapshotRequest {
  cluster: string;
  /** Only this service; all services of the cluster when absent. */
  service?: string;
  /** Most stopped tasks to describe per service. */
  stoppedTaskLimit?: number;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

async function listServiceArns(client: ECSClient, cluster: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListServicesCommand({ cluster, nextToken }));
    arns.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

async function describeServices(client: ECSClient, cluster: string, names: string[]): Promise<Service[]> {
  const services: Service[] = [];
  for (const batch of chunk(names, SERVICES_PER_DESCRIBE)) {
    const response = await client.send(new DescribeServicesCommand({ cluster, services: batch }));
    const missing = (response.failures ?? []).map((failure) => `${failure.arn ?? '?'} (${failure.reason ?? 'unknown reason'})`);
    if (missing.length > 0) {
      throw new Error(`ECS could not describe service ${missing.join(', ')} in cluster ${cluster}; check the names with aws ecs list-services --cluster ${cluster}`);
    }
    services.push(...(response.services ?? []));
  }
  return services;
}

async function stoppedTasksOf(client: ECSClient, cluster: string, serviceName: string, limit: number): Promise<Task[]> {
  const listed = await client.send(new ListTasksCommand({ cluster, serviceName, desiredStatus: 'STOPPED', maxResults: limit }));
  const arns = listed.taskArns ?? [];
  if (arns.length === 0) {
    return [];
  }
  const described = await client.send(new DescribeTasksCommand({ cluster, tasks: arns }));
  return described.tasks ?? [];
}

async function containerInstancesOf(client: ECSClient, cluster: string): Promise<ContainerInstance[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListContainerInstancesCommand({ cluster, nextToken }));
    arns.push(...(page.containerInstanceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);

  const instances: ContainerInstance[] = [];
  for (const batch of chunk(arns, TASKS_PER_DESCRIBE)) {
    const described = await client.send(new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }));
    instances.push(...(described.containerInstances ?? []));
  }
  return instances;
}

/** Reads services, their stopped tasks and the container instances of a cluster. */
export async function collectSnapshot(client: ECSClient, request: SnapshotRequest): Promise<ClusterSnapshot> {
  const { cluster } = request;
  const names = request.service ? [request.service] : await listServiceArns(client, cluster);
  const services = names.length === 0 ? [] : await describeServices(client, cluster, names);

  const stoppedTasks: Task[] = [];
  for (const service of services) {
    if (service.serviceName) {
      stoppedTasks.push(...(await stoppedTasksOf(client, cluster, service.serviceName, request.stoppedTaskLimit ?? 5)));
    }
  }
  stoppedTasks.sort((left, right) => (right.stoppedAt?.getTime() ?? 0) - (left.stoppedAt?.getTime() ?? 0));

  return { cluster, services, stoppedTasks, containerInstances: await containerInstancesOf(client, cluster) };
}
