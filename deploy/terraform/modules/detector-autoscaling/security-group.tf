resource "aws_security_group" "metrics" {
  name        = "${var.cluster_name}-jetstream-metrics"
  description = "JetStream metrics exporter; no inbound traffic"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.cluster_name}-jetstream-metrics" })
}

resource "aws_vpc_security_group_egress_rule" "nats_monitoring" {
  security_group_id = aws_security_group.metrics.id
  description       = "NATS monitoring endpoint inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 8222
  to_port           = 8222
  cidr_ipv4         = var.vpc_cidr_block
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.metrics.id
  description       = "HTTPS to CloudWatch Logs and the image registries through VPC endpoints and the NAT gateway (egress only)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
