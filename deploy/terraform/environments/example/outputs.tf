output "api_endpoint" {
  description = "Base URL of the API and dashboard."
  value       = module.edge.api_endpoint
}

output "custom_domain_target" {
  description = "DNS alias target of the custom domain; null without one."
  value       = module.edge.custom_domain_target
}

output "ecr_repository_urls" {
  description = "Repository URL of each image."
  value       = { for name, repository in aws_ecr_repository.service : name => repository.repository_url }
}

output "cluster_name" {
  description = "ECS cluster name, for aws ecs commands and the deployment tracer."
  value       = module.cluster.cluster_name
}

output "service_names" {
  description = "ECS service of each component."
  value = {
    ingest   = module.ingest.service_name
    results  = module.results.service_name
    web      = module.web.service_name
    detector = module.detector.service_name
  }
}

output "results_task_definition_family" {
  description = "Task family of results, for a one-off migration with aws ecs run-task."
  value       = module.results.task_definition_family
}

output "results_security_group_id" {
  description = "Security group a one-off results task must use to reach the database."
  value       = module.results.security_group_id
}

output "private_subnet_ids" {
  description = "Private subnets, for one-off tasks."
  value       = module.network.private_subnet_ids
}

output "database_secret_arn" {
  description = "RDS-managed secret with the database user name and password."
  value       = module.data.master_user_secret_arn
}

output "bucket_name" {
  description = "Image bucket."
  value       = module.data.bucket_name
}

output "nats_url" {
  description = "NATS_URL the services use."
  value       = module.nats.nats_url
}

output "detector_scaling_metric" {
  description = "CloudWatch metric the detector service scales on."
  value       = module.detector_autoscaling.metric
}
