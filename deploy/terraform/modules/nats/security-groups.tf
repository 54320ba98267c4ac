# NATS instances (the tasks share the instance's network): clients on 4222, routes between
# nodes on 6222, monitoring on 8222.
resource "aws_security_group" "nats" {
  count = local.enabled ? 1 : 0

  name        = "${var.name}-nats"
  description = "NATS nodes; only the Lookout services, the other nodes and the metrics exporter get in"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-nats" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.enabled ? var.client_security_group_ids : {}

  security_group_id            = aws_security_group.nats[0].id
  description                  = "NATS clients: ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 4222
  to_port                      = 4222
  referenced_security_group_id = each.value
}

resource "aws_vpc_security_group_ingress_rule" "monitoring" {
  for_each = local.enabled ? var.monitoring_security_group_ids : {}

  security_group_id            = aws_security_group.nats[0].id
  description                  = "NATS monitoring endpoint: ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 8222
  to_port                      = 8222
  referenced_security_group_id = each.value
}

resource "aws_vpc_security_group_ingress_rule" "routes" {
  count = local.enabled ? 1 : 0

  security_group_id            = aws_security_group.nats[0].id
  description                  = "Cluster routes from the other nodes"
  ip_protocol                  = "tcp"
  from_port                    = 6222
  to_port                      = 6222
  referenced_security_group_id = aws_security_group.nats[0].id
}

resource "aws_vpc_security_group_egress_rule" "routes" {
  count = local.enabled ? 1 : 0

  security_group_id            = aws_security_group.nats[0].id
  description                  = "Cluster routes to the other nodes"
  ip_protocol                  = "tcp"
  from_port                    = 6222
  to_port                      = 6222
  referenced_security_group_id = aws_security_group.nats[0].id
}

# The ECS agent and Docker pull images and ship logs over HTTPS.
resource "aws_vpc_security_group_egress_rule" "https" {
  count = local.enabled ? 1 : 0

  security_group_id = aws_security_group.nats[0].id
  description       = "HTTPS to AWS APIs and the image registry through VPC endpoints and the NAT gateway (egress only)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
