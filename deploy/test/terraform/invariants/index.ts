import { ecsOptimizedAmis, containerLogGroups, imageTagsPinned, instancesJoinCluster, scalingOnCustomMetric } from './compute.invariants.js';
import { bucketsLockedDown, databasePrivate } from './data.invariants.js';
import { albInternal, apiGatewayVpcLink, listenerRouting, targetGroupHealthChecks } from './edge.invariants.js';
import { policiesNameActions } from './iam.invariants.js';
import { noPublicIps, privateSubnetsOnly, securityGroupRules } from './network.invariants.js';
import type { Invariant } from './violation.js';

/**
 * Every invariant by name. Each name is also a folder under deploy/test/fixtures/ holding
 * Terraform that breaks exactly that invariant.
 */
export const INVARIANTS: Record<string, Invariant> = {
  'alb-internal': albInternal,
  'api-gateway-vpc-link': apiGatewayVpcLink,
  'target-group-health-checks': targetGroupHealthChecks,
  'listener-routing': listenerRouting,
  'private-subnets-only': privateSubnetsOnly,
  'no-public-ips': noPublicIps,
  'security-group-rules': securityGroupRules,
  'ecs-optimized-amis': ecsOptimizedAmis,
  'instances-join-cluster': instancesJoinCluster,
  'container-log-groups': containerLogGroups,
  'image-tags-pinned': imageTagsPinned,
  'scaling-on-custom-metric': scalingOnCustomMetric,
  'database-private': databasePrivate,
  'buckets-locked-down': bucketsLockedDown,
  'policies-name-actions': policiesNameActions,
};

export type { Invariant } from './violation.js';
