import { ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from '@jest/globals';

import { collectSnapshot } from './cluster-snapshot.js';
import { renderReport } from './render-report.js';
import {
  CLUSTER,
  ELB_HEALTH_CHECKS_FAILED,
  IMAGE_NOT_FOUND,
  LOG_GROUP_MISSING,
  containerInstance,
  detectorOnNonGpuInstance,
  detectorWithoutInstances,
  failedWebService,
  steadyWebService,
  stoppedWebTask,
} from './testing/recorded-responses.js';
import { ecsStub, mockCluster } from './testing/mock-cluster.js';

const OPTIONS = { eventCount: 5 };

describe('renderReport', () => {
  const ecs = ecsStub();
  const client = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  afterEach(() => {
    ecs.reset();
  });

  it('shows deployments, events and GPU counts', async () => {
    const gpuHost = containerInstance({ ec2InstanceId: 'i-0d4c3b2a19f8e7d6c', instanceType: 'g5.xlarge', gpuIds: ['GPU-5b0c2f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'], freeGpuIds: [], runningTasks: 1 });
    mockCluster(ecs, { services: [steadyWebService()], instances: [gpuHost] });

    const report = renderReport(await collectSnapshot(client, { cluster: CLUSTER }), OPTIONS);

    expect(report).toContain('service web [ACTIVE] FARGATE: desired 2, running 2, pending 0; rollout completed');
    expect(report).toContain('PRIMARY COMPLETED lookout-web:8: desired 2, running 2, pending 0, failed 0');
    expect(report).toContain('(service web) has reached a steady state.');
    expect(report).toContain('i-0d4c3b2a19f8e7d6c g5.xlarge [ACTIVE] agent connected, 1 running tasks, GPUs 0/1 free');
    expect(report).not.toContain('diagnosis:');
  });

  it('explains a cluster without container instances', async () => {
    mockCluster(ecs, { services: [detectorWithoutInstances()], instances: [] });

    const report = renderReport(await collectSnapshot(client, { cluster: CLUSTER, service: 'detector' }), OPTIONS);

    expect(report).toContain('container instances: 0');
    expect(report).toContain('No Container Instances were found in your cluster');
    expect(report).toContain('an AMI without the ECS agent (a Deep Learning AMI');
    expect(report).toContain('does not write ECS_CLUSTER=<cluster> to /etc/ecs/ecs.config');
    expect(report).toContain('lacks AmazonEC2ContainerServiceforEC2Role');
    expect(report).toContain('no route to the ECS endpoints');
  });

  it('explains a GPU task on an instance without a GPU', async () => {
    const cpuHost = containerInstance({ ec2InstanceId: 'i-0a1b2c3d4e5f60718', instanceType: 'm6i.xlarge', gpuIds: [], freeGpuIds: [], runningTasks: 0 });
    mockCluster(ecs, { services: [detectorOnNonGpuInstance()], instances: [cpuHost] });

    const report = renderReport(await collectSnapshot(client, { cluster: CLUSTER }), OPTIONS);

    expect(report).toContain('i-0a1b2c3d4e5f60718 m6i.xlarge [ACTIVE] agent connected, 0 running tasks, GPUs 0/0 free');
    expect(report).toContain('service detector: no container instance has a free GPU');
    expect(report).toContain('the instances are not a GPU type');
    expect(report).not.toContain('No Container Instances were found');
  });

  it('explains stopped tasks by their reasons', async () => {
    mockCluster(ecs, {
      services: [failedWebService()],
      stoppedTasks: [
        stoppedWebTask('1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c', IMAGE_NOT_FOUND, '2025-06-03T09:20:00Z'),
        stoppedWebTask('2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d', LOG_GROUP_MISSING, '2025-06-03T09:19:00Z'),
        stoppedWebTask('3e3e3e3e3e3e3e3e3e3e3e3e3e3e3e3e', ELB_HEALTH_CHECKS_FAILED, '2025-06-03T09:18:00Z'),
      ],
    });

    const report = renderReport(await collectSnapshot(client, { cluster: CLUSTER }), OPTIONS);

    expect(report).toContain('rollout failed');
    expect(report).toContain('PRIMARY FAILED lookout-web:8: desired 2, running 0, pending 0, failed 4');
    expect(report).toContain(`service:web task 1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c stopped 2025-06-03T09:20:00Z [TaskFailedToStart]: ${IMAGE_NOT_FOUND}`);
    expect(report).toContain('service:web (task 1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c): the image tag does not exist in the repository');
    expect(report).toContain('service:web (task 2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d): the awslogs log group does not exist');
    expect(report).toContain('Health checks failed with these codes: [404]');
  });
});
