import { mentionsResource, nestedBlocks, nestedBlocksWithDynamic, resolveLiteral, targetBody, traceTargets } from '../expressions.js';
import { allInstances, resourcesOfType, type Block, type ModuleInstance } from '../load-terraform.js';
import { noneFound, type Invariant } from './violation.js';

const SUBNET_ATTRIBUTES = new Set(['subnet_id', 'subnet_ids', 'subnets', 'vpc_zone_identifier']);
// NAT gateways must sit in public subnets, and route table associations exist for both kinds.
const PUBLIC_SUBNET_USERS = new Set(['aws_nat_gateway', 'aws_route_table_association']);
const OPEN_IPV4 = '0.0.0.0/0';
const OPEN_IPV6 = '::/0';

/** Attribute values named like subnets anywhere in a body, including nested and dynamic blocks. */
function subnetValues(body: unknown, path: string[] = []): Array<{ path: string; value: unknown }> {
  if (Array.isArray(body)) {
    return body.flatMap((item) => subnetValues(item, path));
  }
  if (body === null || typeof body !== 'object') {
    return [];
  }
  const found: Array<{ path: string; value: unknown }> = [];
  for (const [key, value] of Object.entries(body)) {
    if (SUBNET_ATTRIBUTES.has(key)) {
      found.push({ path: [...path, key].join('.'), value });
    } else {
      found.push(...subnetValues(value, [...path, key]));
    }
  }
  return found;
}

/** Route tables associated with `aws_subnet.<name>` in the same module. */
function routeTablesOfSubnet(instance: ModuleInstance, subnetName: string): string[] {
  const tables: string[] = [];
  for (const association of instance.module.resources.get('aws_route_table_association')?.values() ?? []) {
    if (mentionsResource(association.subnet_id, 'aws_subnet', subnetName)) {
      for (const target of traceTargets(instance, association.route_table_id)) {
        if (target.type === 'aws_route_table') {
          tables.push(target.name);
        }
      }
    }
  }
  return tables;
}

function routesToInternetGateway(instance: ModuleInstance, tableName: string): boolean {
  const table = instance.module.resources.get('aws_route_table')?.get(tableName);
  const inlineRoutes = nestedBlocks(table, 'route');
  const separateRoutes = [...(instance.module.resources.get('aws_route')?.values() ?? [])].filter((route) =>
    mentionsResource(route.route_table_id, 'aws_route_table', tableName),
  );
  return [...inlineRoutes, ...separateRoutes].some((route) =>
    traceTargets(instance, route.gateway_id).some((target) => target.type === 'aws_internet_gateway'),
  );
}

/** Why `aws_subnet.<name>` is not private, or undefined when it is. */
function whyNotPrivate(instance: ModuleInstance, subnetName: string): string | undefined {
  const subnet = instance.module.resources.get('aws_subnet')?.get(subnetName);
  if (!subnet) {
    return 'is not declared';
  }
  if (subnet.map_public_ip_on_launch === true) {
    return 'maps public IPs on launch';
  }
  const tables = routeTablesOfSubnet(instance, subnetName);
  if (tables.length === 0) {
    return 'has no explicit route table association, so it uses the main route table';
  }
  const publicTables = tables.filter((table) => routesToInternetGateway(instance, table));
  if (publicTables.length > 0) {
    return `routes to an internet gateway through aws_route_table.${publicTables.join(', ')}`;
  }
  return undefined;
}

/** Checks that every subnet a workload, load balancer, endpoint or database uses is private. */
export const privateSubnetsOnly: Invariant = (root) => {
  const violations: string[] = [];
  let checked = 0;
  for (const instance of allInstances(root)) {
    for (const [type, byName] of instance.module.resources) {
      if (PUBLIC_SUBNET_USERS.has(type)) {
        continue;
      }
      for (const [name, body] of byName) {
        for (const { path, value } of subnetValues(body)) {
          checked += 1;
          const subnets = traceTargets(instance, value).filter((target) => target.type === 'aws_subnet');
          if (subnets.length === 0) {
            violations.push(`${instance.address}.${type}.${name}.${path} does not trace to any aws_subnet`);
          }
          for (const subnet of subnets) {
            const reason = whyNotPrivate(subnet.instance, subnet.name);
            if (reason) {
              violations.push(`${instance.address}.${type}.${name}.${path} uses ${subnet.instance.address}.aws_subnet.${subnet.name}, which ${reason}`);
            }
          }
        }
      }
    }
  }
  return checked === 0 ? [noneFound('subnet attribute')] : violations;
};

/** Returns the task definition's network mode when it resolves to a literal. */
function networkModeOf(instance: ModuleInstance, service: Block): unknown {
  const definition = traceTargets(instance, service.task_definition).find((target) => target.type === 'aws_ecs_task_definition');
  const body = definition ? targetBody(definition) : undefined;
  if (!definition || !body) {
    return undefined;
  }
  const mode = resolveLiteral(definition.instance, body.network_mode);
  return mode.resolved ? mode.value : undefined;
}

/**
 * Checks that no task or instance gets a public address: awsvpc services set assign_public_ip = false
 * explicitly, and host- or bridge-mode tasks inherit the address of an instance that sets
 * associate_public_ip_address = false.
 */
export const noPublicIps: Invariant = (root) => {
  const violations: string[] = [];
  const services = resourcesOfType(root, 'aws_ecs_service');
  for (const service of services) {
    const configurations = nestedBlocks(service.body, 'network_configuration');
    if (configurations.length === 0) {
      const mode = networkModeOf(service.instance, service.body);
      if (mode !== 'host' && mode !== 'bridge') {
        violations.push(`${service.address} has no network_configuration with assign_public_ip = false`);
      }
      continue;
    }
    for (const configuration of configurations) {
      if (configuration.assign_public_ip !== false) {
        violations.push(`${service.address}.network_configuration.assign_public_ip must be false, found ${JSON.stringify(configuration.assign_public_ip)}`);
      }
    }
  }
  for (const instance of resourcesOfType(root, 'aws_instance')) {
    if (instance.body.associate_public_ip_address !== false) {
      violations.push(`${instance.address}.associate_public_ip_address must be false`);
    }
  }
  for (const template of resourcesOfType(root, 'aws_launch_template')) {
    const interfaces = nestedBlocks(template.body, 'network_interfaces');
    if (interfaces.length === 0 || interfaces.some((networkInterface) => networkInterface.associate_public_ip_address !== false)) {
      violations.push(`${template.address}.network_interfaces.associate_public_ip_address must be false`);
    }
  }
  return services.length === 0 ? [noneFound('aws_ecs_service')] : violations;
};

interface IngressRule {
  address: string;
  instance: ModuleInstance;
  body: Block;
  cidrs: unknown[];
}

/** Ingress rules of every form: standalone v2 rules, legacy rules and inline blocks. */
function ingressRules(root: ModuleInstance): IngressRule[] {
  const rules: IngressRule[] = [];
  for (const rule of resourcesOfType(root, 'aws_vpc_security_group_ingress_rule')) {
    rules.push({ address: rule.address, instance: rule.instance, body: rule.body, cidrs: [rule.body.cidr_ipv4, rule.body.cidr_ipv6].filter((cidr) => cidr !== undefined) });
  }
  for (const rule of resourcesOfType(root, 'aws_security_group_rule')) {
    if (rule.body.type === 'ingress') {
      rules.push({ address: rule.address, instance: rule.instance, body: rule.body, cidrs: [rule.body.cidr_blocks, rule.body.ipv6_cidr_blocks].flat().filter((cidr) => cidr !== undefined) });
    }
  }
  for (const group of resourcesOfType(root, 'aws_security_group')) {
    for (const block of nestedBlocksWithDynamic(group.body, 'ingress')) {
      rules.push({ address: `${group.address}.ingress`, instance: group.instance, body: block, cidrs: [block.cidr_blocks, block.ipv6_cidr_blocks].flat().filter((cidr) => cidr !== undefined) });
    }
  }
  return rules;
}

function isOpenCidr(instance: ModuleInstance, cidr: unknown): boolean {
  const resolved = resolveLiteral(instance, cidr);
  return resolved.resolved && (resolved.value === OPEN_IPV4 || resolved.value === OPEN_IPV6);
}

/**
 * Checks security groups: no ingress from 0.0.0.0/0 or ::/0; every other ingress comes from a security
 * group or from the VPC's own range. The only rule open to the internet is egress on 443, as a
 * standalone rule with a description.
 */
export const securityGroupRules: Invariant = (root) => {
  const violations: string[] = [];
  const rules = ingressRules(root);

  for (const rule of rules) {
    for (const cidr of rule.cidrs) {
      if (isOpenCidr(rule.instance, cidr)) {
        violations.push(`${rule.address} allows ingress from ${String(cidr)}`);
      } else if (!traceTargets(rule.instance, cidr).some((target) => target.type === 'aws_vpc')) {
        violations.push(`${rule.address} allows ingress from ${String(cidr)}, which is not the VPC's own range`);
      }
    }
    if (rule.cidrs.length === 0 && rule.body.referenced_security_group_id === undefined && rule.body.security_groups === undefined && rule.body.source_security_group_id === undefined && rule.body.self !== true) {
      violations.push(`${rule.address} names no source security group`);
    }
  }

  for (const rule of resourcesOfType(root, 'aws_vpc_security_group_egress_rule')) {
    if (!isOpenCidr(rule.instance, rule.body.cidr_ipv4) && !isOpenCidr(rule.instance, rule.body.cidr_ipv6)) {
      continue;
    }
    if (rule.body.ip_protocol !== 'tcp' || rule.body.from_port !== 443 || rule.body.to_port !== 443) {
      violations.push(`${rule.address} opens egress to the internet on something other than tcp/443`);
    }
    if (typeof rule.body.description !== 'string' || rule.body.description.length === 0) {
      violations.push(`${rule.address} opens egress to the internet without a description`);
    }
  }
  for (const group of resourcesOfType(root, 'aws_security_group')) {
    for (const block of nestedBlocksWithDynamic(group.body, 'egress')) {
      if ([block.cidr_blocks, block.ipv6_cidr_blocks].flat().some((cidr) => isOpenCidr(group.instance, cidr))) {
        violations.push(`${group.address} has an inline egress block open to the internet; use a described aws_vpc_security_group_egress_rule on 443`);
      }
    }
  }
  for (const rule of resourcesOfType(root, 'aws_security_group_rule')) {
    if (rule.body.type === 'egress' && [rule.body.cidr_blocks, rule.body.ipv6_cidr_blocks].flat().some((cidr) => isOpenCidr(rule.instance, cidr))) {
      violations.push(`${rule.address} is a legacy egress rule open to the internet; use a described aws_vpc_security_group_egress_rule on 443`);
    }
  }

  return rules.length === 0 ? [noneFound('ingress rule')] : violations;
};
