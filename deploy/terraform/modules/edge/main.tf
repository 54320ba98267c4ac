locals {
  # Upstream name => port; the keys match the target group resources below.
  target_ports = {
    ingest  = var.service_ports.ingest
    results = var.service_ports.results
    web     = var.service_ports.web
  }

  mtls_enabled = var.mtls_truststore_uri != null
}

# ---------------------------------------------------------------------------------------------
# Security groups: API Gateway's VPC link is the only client of the load balancer.
# ---------------------------------------------------------------------------------------------

resource "aws_security_group" "vpc_link" {
  name        = "${var.name}-vpc-link"
  description = "API Gateway VPC link ENIs; they only open connections to the internal ALB"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-vpc-link" })
}

resource "aws_vpc_security_group_egress_rule" "vpc_link_to_alb" {
  security_group_id            = aws_security_group.vpc_link.id
  description                  = "HTTP to the internal ALB"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internal ALB, reachable only from the API Gateway VPC link"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc_link" {
  security_group_id            = aws_security_group.alb.id
  description                  = "HTTP from the API Gateway VPC link"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.vpc_link.id
}

resource "aws_vpc_security_group_egress_rule" "alb_to_targets" {
  for_each = local.target_ports

  security_group_id = aws_security_group.alb.id
  description       = "HTTP to the ${each.key} tasks"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = var.vpc_cidr_block
}

# ---------------------------------------------------------------------------------------------
# Internal Application Load Balancer with the same routing as the local gateway
# (routeRequest in libs/contracts/src/http-routes.ts).
# ---------------------------------------------------------------------------------------------

resource "aws_lb" "this" {
  name                       = var.name
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = var.private_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  idle_timeout               = var.idle_timeout_seconds
  drop_invalid_header_fields = true

  tags = var.tags
}

resource "aws_lb_target_group" "ingest" {
  name                 = "${var.name}-ingest"
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.service_ports.ingest
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags
}

resource "aws_lb_target_group" "results" {
  name                 = "${var.name}-results"
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.service_ports.results
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags
}

resource "aws_lb_target_group" "web" {
  name                 = "${var.name}-web"
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.service_ports.web
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags
}

# Everything that no rule below claims goes to the dashboard.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }

  tags = var.tags
}

# POST /v1/images (with or without a trailing slash) is an upload.
resource "aws_lb_listener_rule" "upload" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingest.arn
  }

  condition {
    http_request_method {
      values = ["POST"]
    }
  }

  condition {
    path_pattern {
      values = ["/v1/images", "/v1/images/"]
    }
  }

  tags = var.tags
}

# POST /v1/uploads creates a direct upload to S3 and POST /v1/uploads/<upload id>/complete finishes
# it. The path pattern's `*` also matches slashes, as routeRequest does.
resource "aws_lb_listener_rule" "direct_upload" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 11

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingest.arn
  }

  condition {
    http_request_method {
      values = ["POST"]
    }
  }

  condition {
    path_pattern {
      values = ["/v1/uploads", "/v1/uploads/", "/v1/uploads/*/complete"]
    }
  }

  tags = var.tags
}

# Every other /v1/ request, whatever its method, belongs to the results API.
resource "aws_lb_listener_rule" "docs" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 21

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.results.arn
  }

  condition {
    path_pattern {
      values = ["/docs", "/docs/*"]
    }
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 20

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.results.arn
  }

  condition {
    path_pattern {
      values = ["/v1/*"]
    }
  }

  tags = var.tags
}
