import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { INVARIANTS } from './terraform/invariants/index.js';
import { loadModuleTree } from './terraform/load-terraform.js';
import { checkModules } from './terraform/module-layout.js';
import { FIXTURES_DIR } from './paths.js';

// Text each fixture's violations must contain, so a fixture that fails for another reason
// (a typo, a check that finds nothing to check) does not count as caught.
const EXPECTED_VIOLATIONS: Record<string, RegExp[]> = {
  'alb-internal': [/aws_lb\.public\.internal must be true/],
  'api-gateway-vpc-link': [/connection_type must be VPC_LINK/, /connection_id does not reference an aws_apigatewayv2_vpc_link/, /integration_uri must reference an aws_lb_listener ARN/],
  'target-group-health-checks': [/target_type must be "ip"/, /health_check\.path is "\/" but the services answer on \/health/],
  'listener-routing': [/sends POST \/v1\/images to results, but routeRequest sends it to ingest/, /sends POST \/v1\/images\/ to results/],
  'private-subnets-only': [/aws_ecs_service\.web\.network_configuration\.subnets uses root\.aws_subnet\.public, which routes to an internet gateway/],
  'no-public-ips': [/assign_public_ip must be false, found true/, /aws_instance\.bastion\.associate_public_ip_address must be false/],
  'security-group-rules': [/allows ingress from 0\.0\.0\.0\/0/, /opens egress to the internet on something other than tcp\/443/, /opens egress to the internet without a description/],
  'ecs-optimized-amis': [/aws_launch_template\.gpu\.image_id must come only from data "aws_ssm_parameter"/],
  'instances-join-cluster': [/does not write ECS_CLUSTER=<cluster> to \/etc\/ecs\/ecs\.config/, /lacks AmazonEC2ContainerServiceforEC2Role/],
  'container-log-groups': [/sets awslogs-create-group/, /logs to \/ecs\/web, which is not an aws_cloudwatch_log_group created in Terraform/],
  'image-tags-pinned': [/var\.image_tag defaults to "latest"/, /uses image nginx:1\.27/],
  'scaling-on-custom-metric': [/tracks the predefined metric ECSServiceAverageCPUUtilization/],
  'database-private': [/publicly_accessible must be false/, /storage_encrypted must be true/, /manage_master_user_password must be true/, /sets a password in Terraform/, /db_subnet_group_name must reference/],
  'buckets-locked-down': [/sets block_public_policy = false/, /sets restrict_public_buckets = false/, /needs default encryption/, /no lifecycle rule with abort_incomplete_multipart_upload/],
  'policies-name-actions': [/aws_iam_policy_document\.ingest allows s3:\*/],
};

describe('terraform fixtures', () => {
  it('has one fixture per invariant', async () => {
    const folders = (await readdir(FIXTURES_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

    for (const name of Object.keys(INVARIANTS)) {
      expect(folders).toContain(name);
    }
    expect(Object.keys(EXPECTED_VIOLATIONS).sort()).toEqual(Object.keys(INVARIANTS).sort());
  });

  for (const [name, invariant] of Object.entries(INVARIANTS)) {
    it(`catches the ${name} violation`, async () => {
      const violations = invariant(await loadModuleTree(join(FIXTURES_DIR, name)));

      for (const pattern of EXPECTED_VIOLATIONS[name] ?? []) {
        expect(violations).toContainEqual(expect.stringMatching(pattern));
      }
    });
  }

  it('catches a module without README, outputs, versions or typed variables', async () => {
    const violations = await checkModules(join(FIXTURES_DIR, 'module-layout', 'modules'));

    expect(violations).toContainEqual(expect.stringMatching(/broken: missing README\.md$/));
    expect(violations).toContainEqual(expect.stringMatching(/broken: missing outputs\.tf$/));
    expect(violations).toContainEqual(expect.stringMatching(/broken: missing versions\.tf$/));
    expect(violations).toContainEqual(expect.stringMatching(/variable "bucket_name" has no type/));
    expect(violations).toContainEqual(expect.stringMatching(/variable "bucket_name" has no description/));
  });
});
