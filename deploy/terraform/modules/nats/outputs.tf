output "nats_url" {
  description = "NATS_URL for the services: a name that resolves to every node, or existing_nats_url."
  value       = local.enabled ? "nats://${local.client_host}:4222" : var.existing_nats_url
}

output "monitoring_urls" {
  description = "HTTP monitoring endpoints (port 8222) of the NATS servers."
  value       = local.enabled ? local.monitor_urls : var.existing_nats_monitoring_urls
}

output "security_group_id" {
  description = "Security group of the NATS instances; null when an existing NATS is used."
  value       = local.enabled ? aws_security_group.nats[0].id : null
}
