# Public entry point: an HTTP API whose only integration is the internal ALB, reached through a
# VPC link. A VPC link integration takes the ALB listener's ARN and only works with an internal ALB.

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
  # With mutual TLS, clients must come through the custom domain; the default endpoint would skip the certificate check.
  disable_execute_api_endpoint = local.mtls_enabled

  tags = var.tags

  lifecycle {
    precondition {
      condition     = !local.mtls_enabled || var.custom_domain_name != null
      error_message = "mtls_truststore_uri requires custom_domain_name and certificate_arn: API Gateway checks client certificates only on a custom domain."
    }
  }
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = var.name
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.vpc_link.id]

  tags = var.tags
}

resource "aws_apigatewayv2_integration" "alb" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.this.id
  integration_uri        = aws_lb_listener.http.arn
  payload_format_version = "1.0"
  # 30 s is the HTTP API maximum.
  timeout_milliseconds = 30000
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.alb.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      sourceIp           = "$context.identity.sourceIp"
      requestTime        = "$context.requestTime"
      httpMethod         = "$context.httpMethod"
      path               = "$context.path"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      integrationStatus  = "$context.integrationStatus"
      integrationError   = "$context.integrationErrorMessage"
      integrationLatency = "$context.integrationLatency"
      clientCertSerial   = "$context.identity.clientCert.serialNumber"
    })
  }

  tags = var.tags
}

# Optional custom domain. With mtls_truststore_uri set, clients must present a certificate
# signed by a CA in the truststore (a PEM bundle stored in S3).
resource "aws_apigatewayv2_domain_name" "this" {
  count = var.custom_domain_name == null ? 0 : 1

  domain_name = var.custom_domain_name

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  dynamic "mutual_tls_authentication" {
    for_each = local.mtls_enabled ? [1] : []

    content {
      truststore_uri     = var.mtls_truststore_uri
      truststore_version = var.mtls_truststore_version
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_api_mapping" "this" {
  count = var.custom_domain_name == null ? 0 : 1

  api_id      = aws_apigatewayv2_api.this.id
  domain_name = aws_apigatewayv2_domain_name.this[0].id
  stage       = aws_apigatewayv2_stage.default.id
}
