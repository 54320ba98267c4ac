output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "gpu_capacity_provider_name" {
  description = "Capacity provider of the GPU Auto Scaling group, for the detector service's strategy."
  value       = aws_ecs_capacity_provider.gpu.name
}

output "instance_profile_arn" {
  description = "Instance profile with the ECS container instance role, for other instances that join the cluster."
  value       = aws_iam_instance_profile.instance.arn
}

output "instance_profile_name" {
  description = "Name of the container instance profile."
  value       = aws_iam_instance_profile.instance.name
}

output "instance_security_group_id" {
  description = "Security group of the GPU container instances."
  value       = aws_security_group.instances.id
}

output "gpu_autoscaling_group_name" {
  description = "Name of the GPU Auto Scaling group."
  value       = aws_autoscaling_group.gpu.name
}
