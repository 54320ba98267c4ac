import { DescribeServicesCommand, ECSClient, ListServicesCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from '@jest/globals';

import { collectSnapshot } from './cluster-snapshot.js';
import { CLUSTER, IMAGE_NOT_FOUND, serviceArn, steadyWebService, stoppedWebTask } from './testing/recorded-responses.js';
import { ecsStub, mockCluster } from './testing/mock-cluster.js';

describe('collectSnapshot', () => {
  const ecs = ecsStub();
  const client = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  afterEach(() => {
    ecs.reset();
  });

  it('follows ListServices pages', async () => {
    mockCluster(ecs, { services: [steadyWebService()] });
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: [serviceArn('web')], nextToken: 'page-2' })
      .resolvesOnce({ serviceArns: [serviceArn('results')] });

    await collectSnapshot(client, { cluster: CLUSTER });

    const described = ecs.commandCalls(DescribeServicesCommand)[0]?.args[0].input;
    expect(described?.services).toEqual([serviceArn('web'), serviceArn('results')]);
    expect(ecs.commandCalls(ListServicesCommand)[1]?.args[0].input.nextToken).toBe('page-2');
  });

  it('lists stopped tasks newest first', async () => {
    const older = stoppedWebTask('0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', IMAGE_NOT_FOUND, '2025-06-03T09:17:00Z');
    const newer = stoppedWebTask('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', IMAGE_NOT_FOUND, '2025-06-03T09:19:00Z');
    mockCluster(ecs, { services: [steadyWebService()], stoppedTasks: [older, newer] });

    const snapshot = await collectSnapshot(client, { cluster: CLUSTER, service: 'web' });

    expect(snapshot.stoppedTasks.map((task) => task.taskArn)).toEqual([newer.taskArn, older.taskArn]);
    expect(ecs.commandCalls(ListTasksCommand)[0]?.args[0].input).toMatchObject({ cluster: CLUSTER, serviceName: 'web', desiredStatus: 'STOPPED' });
  });

  it('names a service ECS cannot find', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: serviceArn('webb'), reason: 'MISSING' }] });

    await expect(collectSnapshot(client, { cluster: CLUSTER, service: 'webb' })).rejects.toThrow(`ECS could not describe service ${serviceArn('webb')} (MISSING) in cluster lookout`);
  });
});
