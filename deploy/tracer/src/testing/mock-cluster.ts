import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ContainerInstance,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';

export interface RecordedCluster {
  services: Service[];
  stoppedTasks?: Task[];
  instances?: ContainerInstance[];
}

/** Stubs every ECS call the tracer makes with responses built from one recorded cluster state. */
export function mockCluster(stub: AwsClientStub<ECSClient>, cluster: RecordedCluster): void {
  const stopped = cluster.stoppedTasks ?? [];
  const instances = cluster.instances ?? [];
  stub.on(ListServicesCommand).resolves({ serviceArns: cluster.services.map((service) => service.serviceArn!) });
  stub.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
    services: cluster.services.filter((service) => input.services.includes(service.serviceArn!) || input.services.includes(service.serviceName!)),
    failures: [],
  }));
  stub.on(ListTasksCommand).callsFake((input: { serviceName: string }) => ({
    taskArns: stopped.filter((task) => task.group === `service:${input.serviceName}`).map((task) => task.taskArn!),
  }));
  stub.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({ tasks: stopped.filter((task) => input.tasks.includes(task.taskArn!)), failures: [] }));
  stub.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: instances.map((instance) => instance.containerInstanceArn!) });
  stub.on(DescribeContainerInstancesCommand).resolves({ containerInstances: instances, failures: [] });
}

export function ecsStub(): AwsClientStub<ECSClient> {
  return mockClient(ECSClient);
}
