import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nestedBlocks, referencesIn, resolveLiteral, singleReference, targetBody, traceTargets, type Target } from '../expressions.js';
import { allInstances, resourcesOfType, type Block, type ModuleInstance } from '../load-terraform.js';
import { attributeValues, containerDefinitionText } from './container-definitions.js';
import { noneFound, type Invariant } from './violation.js';

export const ECS_AMI_PARAMETER_PREFIX = '/aws/service/ecs/optimized-ami/';
export const ECS_GPU_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id';
const ECS_INSTANCE_ROLE_POLICY = 'AmazonEC2ContainerServiceforEC2Role';
const GPU_INSTANCE_TYPE = /^(g\d|p\d|gr\d)[a-z]*\./;

interface Host {
  address: string;
  instance: ModuleInstance;
  body: Block;
  amiAttribute: 'image_id' | 'ami';
}

/** Launch templates and standalone instances: everything that boots an AMI. */
function hosts(root: ModuleInstance): Host[] {
  return [
    ...resourcesOfType(root, 'aws_launch_template').map((entry) => ({ ...entry, amiAttribute: 'image_id' as const })),
    ...resourcesOfType(root, 'aws_instance').map((entry) => ({ ...entry, amiAttribute: 'ami' as const })),
  ];
}

function isGpuHost(host: Host): boolean {
  const type = resolveLiteral(host.instance, host.body.instance_type);
  return type.resolved && typeof type.value === 'string' && GPU_INSTANCE_TYPE.test(type.value);
}

function ssmParameterNames(targets: Target[]): unknown[] {
  return targets.filter((target) => target.kind === 'data' && target.type === 'aws_ssm_parameter').map((target) => targetBody(target)?.name);
}

/**
 * Checks that every host boots an ECS-optimized AMI named by its public SSM parameter, never a literal AMI ID
 * or an aws_ami lookup; GPU hosts use the GPU variant. Deep Learning AMIs have no ECS agent.
 */
export const ecsOptimizedAmis: Invariant = (root) => {
  const violations: string[] = [];
  const all = hosts(root);
  for (const host of all) {
    const targets = traceTargets(host.instance, host.body[host.amiAttribute]);
    const names = ssmParameterNames(targets);
    if (names.length === 0 || names.length !== targets.length) {
      violations.push(`${host.address}.${host.amiAttribute} must come only from data "aws_ssm_parameter" ${ECS_AMI_PARAMETER_PREFIX}..., found ${JSON.stringify(host.body[host.amiAttribute])}`);
      continue;
    }
    for (const name of names) {
      if (typeof name !== 'string' || !name.startsWith(ECS_AMI_PARAMETER_PREFIX)) {
        violations.push(`${host.address}.${host.amiAttribute} comes from SSM parameter ${JSON.stringify(name)}, not an ECS-optimized AMI`);
      } else if (isGpuHost(host) && name !== ECS_GPU_AMI_PARAMETER) {
        violations.push(`${host.address} is a GPU host but its AMI comes from ${name} instead of ${ECS_GPU_AMI_PARAMETER}`);
      }
    }
  }
  if (!all.some(isGpuHost)) {
    violations.push(noneFound('GPU launch template or instance'));
  }
  return violations;
};

/** Returns the user data text: an inline string, or the file passed to templatefile("${path.module}/..."). */
function userDataText(host: Host): string | undefined {
  const userData = host.body.user_data;
  if (typeof userData !== 'string') {
    return undefined;
  }
  const template = /templatefile\(\s*"\$\{path\.module\}\/([^"]+)"/.exec(userData);
  if (template) {
    return readFileSync(join(host.instance.module.dir, template[1]!), 'utf8');
  }
  return userData;
}

function hasEcsInstanceRole(host: Host): boolean {
  const profileValue = host.amiAttribute === 'image_id' ? nestedBlocks(host.body, 'iam_instance_profile').map((block) => block.arn ?? block.name) : [host.body.iam_instance_profile];
  const profiles = traceTargets(host.instance, profileValue).filter((target) => target.type === 'aws_iam_instance_profile');
  return profiles.some((profile) => {
    const roles = traceTargets(profile.instance, targetBody(profile)?.role).filter((target) => target.type === 'aws_iam_role');
    return roles.some((role) =>
      [...(role.instance.module.resources.get('aws_iam_role_policy_attachment')?.values() ?? [])].some(
        (attachment) =>
          traceTargets(role.instance, attachment.role).some((target) => target.type === 'aws_iam_role' && target.name === role.name) &&
          typeof attachment.policy_arn === 'string' &&
          attachment.policy_arn.endsWith(`/${ECS_INSTANCE_ROLE_POLICY}`),
      ),
    );
  });
}

/**
 * Checks that every host registers with the cluster: its user data writes ECS_CLUSTER to /etc/ecs/ecs.config
 * (GPU hosts also ECS_ENABLE_GPU_SUPPORT=true), and its instance profile's role has
 * AmazonEC2ContainerServiceforEC2Role.
 */
export const instancesJoinCluster: Invariant = (root) => {
  const violations: string[] = [];
  const all = hosts(root);
  for (const host of all) {
    const text = userDataText(host);
    if (!text || !text.includes('/etc/ecs/ecs.config') || !/^ECS_CLUSTER=\S+/m.test(text)) {
      violations.push(`${host.address} user data does not write ECS_CLUSTER=<cluster> to /etc/ecs/ecs.config, so the agent joins the "default" cluster`);
    }
    if (isGpuHost(host) && text && !/^ECS_ENABLE_GPU_SUPPORT=true$/m.test(text)) {
      violations.push(`${host.address} is a GPU host but its user data does not set ECS_ENABLE_GPU_SUPPORT=true`);
    }
    if (!hasEcsInstanceRole(host)) {
      violations.push(`${host.address} instance profile role lacks ${ECS_INSTANCE_ROLE_POLICY}, so the agent cannot register`);
    }
  }
  return all.length === 0 ? [noneFound('launch template or instance')] : violations;
};

/**
 * Checks that every container logs with the awslogs driver to a log group created in the same module with a
 * retention period, so a task never fails on a missing group and logs do not pile up forever.
 */
export const containerLogGroups: Invariant = (root) => {
  const violations: string[] = [];
  const definitions = resourcesOfType(root, 'aws_ecs_task_definition');
  for (const definition of definitions) {
    const text = containerDefinitionText(definition.instance, definition.body.container_definitions);
    const images = attributeValues(text, 'image');
    const logConfigurations = attributeValues(text, 'logConfiguration');
    const drivers = attributeValues(text, 'logDriver');
    const groups = attributeValues(text, 'awslogs-group');

    if (images.length === 0) {
      violations.push(`${definition.address} has no container with an image`);
    }
    if (logConfigurations.length < images.length) {
      violations.push(`${definition.address} has ${images.length} containers but ${logConfigurations.length} logConfiguration entries`);
    }
    if (drivers.length === 0 || drivers.some((driver) => driver !== 'awslogs')) {
      violations.push(`${definition.address} must log with the awslogs driver, found ${JSON.stringify(drivers)}`);
    }
    if (attributeValues(text, 'awslogs-create-group').length > 0) {
      violations.push(`${definition.address} sets awslogs-create-group; create the log group in Terraform instead`);
    }
    if (groups.length === 0) {
      violations.push(`${definition.address} sets no awslogs-group`);
    }
    for (const group of groups) {
      const logGroups = traceTargets(definition.instance, group).filter((target) => target.type === 'aws_cloudwatch_log_group');
      if (logGroups.length === 0) {
        violations.push(`${definition.address} logs to ${group}, which is not an aws_cloudwatch_log_group created in Terraform`);
      }
      for (const logGroup of logGroups) {
        if (targetBody(logGroup)?.retention_in_days === undefined) {
          violations.push(`${logGroup.instance.address}.aws_cloudwatch_log_group.${logGroup.name} has no retention_in_days`);
        }
      }
    }
  }
  return definitions.length === 0 ? [noneFound('aws_ecs_task_definition')] : violations;
};

/** Follows a tag variable up through the module calls; a "latest" literal or default anywhere fails. */
function latestTagSources(instance: ModuleInstance, variableName: string): string[] {
  const found: string[] = [];
  const variable = instance.module.variables.get(variableName);
  if (variable?.default === 'latest') {
    found.push(`${instance.address} var.${variableName} defaults to "latest"`);
  }
  const argument = instance.callArguments?.[variableName];
  if (instance.parent && argument !== undefined) {
    if (argument === 'latest') {
      found.push(`${instance.parent.address}.module.${instance.callName}.${variableName} is "latest"`);
    }
    const reference = singleReference(argument);
    if (reference?.startsWith('var.')) {
      found.push(...latestTagSources(instance.parent, reference.slice('var.'.length)));
    }
  }
  return found;
}

const IMAGE_FROM_VARIABLES = /^\$\{var\.([\w-]+)\}:\$\{var\.([\w-]+)\}$/;
const DIGEST_PINNED = /@sha256:[0-9a-f]{64}$/;

/** Replaces a single local reference in an image expression with the local's value. */
function expandLocalImage(instance: ModuleInstance, image: string): string {
  const reference = singleReference(image);
  if (reference?.startsWith('local.')) {
    const value = instance.module.locals.get(reference.slice('local.'.length));
    if (typeof value === 'string') {
      return expandLocalImage(instance, value);
    }
  }
  return image;
}

/**
 * Checks that images are "${var.repository}:${var.tag}" (or a literal pinned by digest), and no tag variable
 * on the way from the environment defaults to or is set to "latest".
 */
export const imageTagsPinned: Invariant = (root) => {
  const violations: string[] = [];
  const definitions = resourcesOfType(root, 'aws_ecs_task_definition');
  for (const definition of definitions) {
    const text = containerDefinitionText(definition.instance, definition.body.container_definitions);
    for (const rawImage of attributeValues(text, 'image')) {
      const image = expandLocalImage(definition.instance, rawImage);
      const fromVariables = IMAGE_FROM_VARIABLES.exec(image);
      if (fromVariables) {
        violations.push(...latestTagSources(definition.instance, fromVariables[2]!).map((source) => `${definition.address}: ${source}`));
      } else if (!DIGEST_PINNED.test(image)) {
        violations.push(`${definition.address} uses image ${image}; use "\${var.repository_url}:\${var.image_tag}" or pin a digest`);
      }
    }
  }
  for (const instance of allInstances(root)) {
    for (const [name, variable] of instance.module.variables) {
      if (/image|tag/.test(name) && variable.default === 'latest') {
        violations.push(`${instance.address} var.${name} defaults to "latest"`);
      }
    }
  }
  return definitions.length === 0 ? [noneFound('aws_ecs_task_definition')] : violations;
};

const CPU_METRICS = new Set(['CPUUtilization', 'ECSServiceAverageCPUUtilization']);

/**
 * Checks that service autoscaling follows a custom metric (the JetStream backlog), never CPU: target tracking
 * uses a customized metric, and step scaling is driven by alarms on a non-CPU metric.
 */
export const scalingOnCustomMetric: Invariant = (root) => {
  const violations: string[] = [];
  const policies = resourcesOfType(root, 'aws_appautoscaling_policy');
  for (const policy of policies) {
    for (const configuration of nestedBlocks(policy.body, 'target_tracking_scaling_policy_configuration')) {
      for (const predefined of nestedBlocks(configuration, 'predefined_metric_specification')) {
        violations.push(`${policy.address} tracks the predefined metric ${String(predefined.predefined_metric_type)}`);
      }
      for (const customized of nestedBlocks(configuration, 'customized_metric_specification')) {
        if (CPU_METRICS.has(String(customized.metric_name))) {
          violations.push(`${policy.address} tracks ${String(customized.metric_name)}`);
        }
      }
    }
    if (nestedBlocks(policy.body, 'step_scaling_policy_configuration').length > 0) {
      const alarms = [...(policy.instance.module.resources.get('aws_cloudwatch_metric_alarm') ?? [])].filter(([, alarm]) =>
        referencesIn(alarm.alarm_actions).some((reference) => reference.kind === 'resource' && reference.type === 'aws_appautoscaling_policy' && reference.name === policy.name),
      );
      if (alarms.length === 0) {
        violations.push(`${policy.address} is a step scaling policy that no alarm triggers`);
      }
      for (const [name, alarm] of alarms) {
        if (CPU_METRICS.has(String(alarm.metric_name)) || alarm.namespace === 'AWS/ECS') {
          violations.push(`${policy.instance.address}.aws_cloudwatch_metric_alarm.${name} scales on ${String(alarm.namespace)}/${String(alarm.metric_name)}`);
        }
      }
    }
  }
  return policies.length === 0 ? [noneFound('aws_appautoscaling_policy')] : violations;
};
