import { API_PREFIX, DIRECT_UPLOAD_COMPLETE_SUFFIX, DIRECT_UPLOAD_PATH, DOCS_PATH, HEALTH_PATH, UPLOAD_PATH, routeRequest, type Upstream } from '@lookout/contracts';

import { nestedBlocks, resolveLiteral, targetBody, traceTargets } from '../expressions.js';
import { resourcesOfType, type Block, type ModuleInstance } from '../load-terraform.js';
import { noneFound, type Invariant } from './violation.js';

/** Checks that every application load balancer is internal, so only API Gateway faces the internet. */
export const albInternal: Invariant = (root) => {
  const balancers = resourcesOfType(root, 'aws_lb');
  const violations = balancers.filter((balancer) => balancer.body.internal !== true).map((balancer) => `${balancer.address}.internal must be true, found ${JSON.stringify(balancer.body.internal)}`);
  return balancers.length === 0 ? [noneFound('aws_lb')] : violations;
};

/** Checks that API Gateway reaches the ALB through a VPC link whose integration URI is an internal ALB's listener. */
export const apiGatewayVpcLink: Invariant = (root) => {
  const violations: string[] = [];
  const integrations = resourcesOfType(root, 'aws_apigatewayv2_integration');
  for (const integration of integrations) {
    const { body, instance, address } = integration;
    if (body.connection_type !== 'VPC_LINK') {
      violations.push(`${address}.connection_type must be VPC_LINK, found ${JSON.stringify(body.connection_type)}`);
    }
    if (!traceTargets(instance, body.connection_id).some((target) => target.type === 'aws_apigatewayv2_vpc_link')) {
      violations.push(`${address}.connection_id does not reference an aws_apigatewayv2_vpc_link`);
    }
    const uriTargets = traceTargets(instance, body.integration_uri);
    const listeners = uriTargets.filter((target) => target.type === 'aws_lb_listener');
    if (listeners.length === 0 || listeners.length !== uriTargets.length) {
      violations.push(`${address}.integration_uri must reference an aws_lb_listener ARN, found ${JSON.stringify(body.integration_uri)}`);
    }
    for (const listener of listeners) {
      const balancers = traceTargets(listener.instance, targetBody(listener)?.load_balancer_arn).filter((target) => target.type === 'aws_lb');
      for (const balancer of balancers) {
        if (targetBody(balancer)?.internal !== true) {
          violations.push(`${address} targets a listener of ${balancer.instance.address}.aws_lb.${balancer.name}, which is not internal`);
        }
      }
    }
  }
  return integrations.length === 0 ? [noneFound('aws_apigatewayv2_integration')] : violations;
};

/** Checks that target groups register task IPs and check the path every service serves (HEALTH_PATH). */
export const targetGroupHealthChecks: Invariant = (root) => {
  const violations: string[] = [];
  const groups = resourcesOfType(root, 'aws_lb_target_group');
  for (const group of groups) {
    if (group.body.target_type !== 'ip') {
      violations.push(`${group.address}.target_type must be "ip" for awsvpc tasks, found ${JSON.stringify(group.body.target_type)}`);
    }
    const checks = nestedBlocks(group.body, 'health_check');
    if (checks.length === 0) {
      violations.push(`${group.address} has no health_check block, so the ALB checks "/"`);
    }
    for (const check of checks) {
      const path = resolveLiteral(group.instance, check.path);
      if (!path.resolved) {
        violations.push(`${group.address}.health_check.path does not resolve to a literal: ${path.reason}`);
      } else if (path.value !== HEALTH_PATH) {
        violations.push(`${group.address}.health_check.path is ${JSON.stringify(path.value)} but the services answer on ${HEALTH_PATH}`);
      }
    }
  }
  return groups.length === 0 ? [noneFound('aws_lb_target_group')] : violations;
};

interface RouteRule {
  priority: number;
  upstream: string;
  methods?: string[];
  pathPatterns?: string[];
}

/** ALB path-pattern matching: case-sensitive, `*` matches any characters and `?` exactly one. */
function matchesPathPattern(pattern: string, path: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(path);
}

function conditionValues(rule: Block, condition: string): string[] | undefined {
  const values = nestedBlocks(rule, 'condition')
    .flatMap((block) => nestedBlocks(block, condition))
    .flatMap((block) => (Array.isArray(block.values) ? (block.values as string[]) : []));
  return values.length > 0 ? values : undefined;
}

/** Returns the upstream a forward action sends to: the target group resource's name (ingest, results, web). */
function forwardedUpstream(instance: ModuleInstance, action: Block | undefined): string | undefined {
  const target = traceTargets(instance, action?.target_group_arn).find((candidate) => candidate.type === 'aws_lb_target_group');
  return target?.name;
}

/** Builds sample requests from the shared route constants. Each exercises one routing decision. */
export function routingSamples(): Array<{ method: string; path: string }> {
  const apiRoot = API_PREFIX.slice(0, -1);
  return [
    { method: 'POST', path: UPLOAD_PATH },
    { method: 'POST', path: `${UPLOAD_PATH}/` },
    { method: 'POST', path: `${UPLOAD_PATH}?source=dashboard` },
    { method: 'GET', path: UPLOAD_PATH },
    { method: 'PUT', path: UPLOAD_PATH },
    { method: 'GET', path: `${UPLOAD_PATH}/0b7c/file` },
    { method: 'POST', path: `${UPLOAD_PATH}/0b7c` },
    { method: 'GET', path: `${UPLOAD_PATH}?label=dog&minScore=0.5` },
    { method: 'GET', path: `${API_PREFIX}events` },
    { method: 'GET', path: DOCS_PATH },
    { method: 'GET', path: `${DOCS_PATH}/openapi.json` },
    { method: 'GET', path: `${DOCS_PATH}search` },
    { method: 'DELETE', path: `${API_PREFIX}images/0b7c` },
    { method: 'POST', path: `${UPLOAD_PATH}s` },
    { method: 'POST', path: DIRECT_UPLOAD_PATH },
    { method: 'POST', path: `${DIRECT_UPLOAD_PATH}/` },
    { method: 'POST', path: `${DIRECT_UPLOAD_PATH}/eyJpZCI6MX0.c2ln${DIRECT_UPLOAD_COMPLETE_SUFFIX}` },
    { method: 'POST', path: `${DIRECT_UPLOAD_PATH}/a/b${DIRECT_UPLOAD_COMPLETE_SUFFIX}` },
    { method: 'POST', path: `${DIRECT_UPLOAD_PATH}${DIRECT_UPLOAD_COMPLETE_SUFFIX}` },
    { method: 'POST', path: `${DIRECT_UPLOAD_PATH}/0b7c` },
    { method: 'GET', path: DIRECT_UPLOAD_PATH },
    { method: 'GET', path: `${DIRECT_UPLOAD_PATH}/0b7c${DIRECT_UPLOAD_COMPLETE_SUFFIX}` },
    { method: 'GET', path: apiRoot },
    { method: 'GET', path: '/' },
    { method: 'GET', path: HEALTH_PATH },
    { method: 'GET', path: '/images/0b7c' },
    { method: 'GET', path: '/_next/static/chunks/main.js' },
    { method: 'POST', path: '/' },
  ];
}

/**
 * Checks that the listener's rules send each request where routeRequest (libs/contracts) does: uploads to
 * ingest, every other /v1/ call to results, the rest to the dashboard.
 */
export const listenerRouting: Invariant = (root) => {
  const violations: string[] = [];
  const listeners = resourcesOfType(root, 'aws_lb_listener');
  for (const listener of listeners) {
    const defaultUpstream = forwardedUpstream(listener.instance, nestedBlocks(listener.body, 'default_action')[0]);
    const rules: RouteRule[] = [];
    for (const [name, rule] of listener.instance.module.resources.get('aws_lb_listener_rule') ?? []) {
      const listenerTargets = traceTargets(listener.instance, rule.listener_arn);
      if (!listenerTargets.some((target) => target.type === 'aws_lb_listener' && target.name === listener.name)) {
        continue;
      }
      const upstream = forwardedUpstream(listener.instance, nestedBlocks(rule, 'action')[0]);
      if (typeof rule.priority !== 'number' || !upstream) {
        violations.push(`${listener.instance.address}.aws_lb_listener_rule.${name} needs a literal priority and a forward action to a target group`);
        continue;
      }
      rules.push({ priority: rule.priority, upstream, methods: conditionValues(rule, 'http_request_method'), pathPatterns: conditionValues(rule, 'path_pattern') });
    }
    rules.sort((left, right) => left.priority - right.priority);

    for (const { method, path } of routingSamples()) {
      // The ALB matches path patterns against the path only, without the query string.
      const pathOnly = path.split('?')[0]!;
      const rule = rules.find(
        (candidate) =>
          (!candidate.methods || candidate.methods.includes(method.toUpperCase())) &&
          (!candidate.pathPatterns || candidate.pathPatterns.some((pattern) => matchesPathPattern(pattern, pathOnly))),
      );
      const routed = rule?.upstream ?? defaultUpstream;
      const expected: Upstream = routeRequest(method, path);
      if (routed !== expected) {
        violations.push(`${listener.address} sends ${method} ${path} to ${String(routed)}, but routeRequest sends it to ${expected}`);
      }
    }
  }
  return listeners.length === 0 ? [noneFound('aws_lb_listener')] : violations;
};
