output "api_endpoint" {
  description = "Base URL clients call: the custom domain when set, otherwise the execute-api URL."
  value       = var.custom_domain_name == null ? aws_apigatewayv2_api.this.api_endpoint : "https://${var.custom_domain_name}"
}

output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "custom_domain_target" {
  description = "Regional domain name and hosted zone to point the custom domain's DNS alias at; null without a custom domain."
  value = var.custom_domain_name == null ? null : {
    domain_name    = aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].target_domain_name
    hosted_zone_id = aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].hosted_zone_id
  }
}

output "alb_arn" {
  description = "ARN of the internal load balancer."
  value       = aws_lb.this.arn
}

output "alb_dns_name" {
  description = "Private DNS name of the internal load balancer."
  value       = aws_lb.this.dns_name
}

output "listener_arn" {
  description = "ARN of the ALB listener that the VPC link integration targets."
  value       = aws_lb_listener.http.arn
}

output "alb_security_group_id" {
  description = "Security group of the load balancer; services allow their port from it."
  value       = aws_security_group.alb.id
}

output "target_group_arns" {
  description = "Target group ARN of each upstream (ingest, results, web)."
  value = {
    ingest  = aws_lb_target_group.ingest.arn
    results = aws_lb_target_group.results.arn
    web     = aws_lb_target_group.web.arn
  }
}

output "target_group_arn_suffixes" {
  description = "ARN suffix of each target group, for CloudWatch ALB metric dimensions."
  value = {
    ingest  = aws_lb_target_group.ingest.arn_suffix
    results = aws_lb_target_group.results.arn_suffix
    web     = aws_lb_target_group.web.arn_suffix
  }
}
