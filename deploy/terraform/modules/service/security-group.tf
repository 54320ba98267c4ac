resource "aws_security_group" "this" {
  name        = "${var.cluster_name}-${var.name}"
  description = "Tasks of the ${var.name} service"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.cluster_name}-${var.name}" })
}

# The only inbound rule: the container port, from the load balancer's security group.
# Services without ingress_security_group_id (the detector) accept no inbound connections.
resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  count = var.ingress_security_group_id == null ? 0 : 1

  security_group_id            = aws_security_group.this.id
  description                  = "Container port from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.ingress_security_group_id
}

# AWS APIs (S3, ECR, CloudWatch, Secrets Manager) answer on 443, through VPC endpoints or the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS to AWS APIs through VPC endpoints and the NAT gateway (egress only)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# NATS (4222) and PostgreSQL (5432) live inside the VPC; their own groups decide who gets in.
resource "aws_vpc_security_group_egress_rule" "vpc" {
  security_group_id = aws_security_group.this.id
  description       = "TCP to NATS and PostgreSQL inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 1024
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr_block
}
