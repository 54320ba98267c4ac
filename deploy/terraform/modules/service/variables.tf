variable "name" {
  type        = string
  description = "Service and container name (ingest, results, web, detector)."
}

variable "region" {
  type        = string
  description = "AWS Region of the cluster, for the awslogs driver."
}

variable "cluster_name" {
  type        = string
  description = "Name of the ECS cluster; it prefixes the task family, log group and security group."
}

variable "cluster_arn" {
  type        = string
  description = "ARN of the ECS cluster that runs the service."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the tasks."
}

variable "vpc_cidr_block" {
  type        = string
  description = "IPv4 range of the VPC; tasks may open connections to NATS and PostgreSQL inside it."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the task ENIs. Tasks never get a public address."
}

variable "repository_url" {
  type        = string
  description = "Image repository without a tag, for example 123456789012.dkr.ecr.eu-west-1.amazonaws.com/lookout/ingest."
}

variable "image_tag" {
  type        = string
  description = "Immutable image tag to deploy, for example a Git commit SHA."

  validation {
    condition     = var.image_tag != "" && var.image_tag != "latest"
    error_message = "image_tag must name an immutable tag such as a commit SHA, not \"latest\"."
  }
}

variable "container_port" {
  type        = number
  description = "Port the container listens on; the health check and the load balancer use it."
}

variable "health_check_path" {
  type        = string
  description = "HTTP path of the container health check (HEALTH_PATH in libs/contracts)."
  default     = "/health"
}

variable "health_check_start_period_seconds" {
  type        = number
  description = "Grace period after start before failed health checks count, in seconds."
  default     = 60
}

variable "command" {
  type        = list(string)
  description = "Command that replaces the image's CMD; null keeps the image's."
  default     = null
}

variable "init_command" {
  type        = list(string)
  description = "Command run to completion in the same image before the service container starts (for example a migration); null adds no init container."
  default     = null
}

variable "environment" {
  type        = map(string)
  description = "Plain environment variables of the container. Never put secrets here."
  default     = {}
}

variable "secrets" {
  type        = map(string)
  description = "Environment variables filled from Secrets Manager: variable name => secret ARN, optionally with a JSON key suffix (arn:...:username::)."
  default     = {}
}

variable "secret_arns" {
  type        = list(string)
  description = "Secrets Manager secret ARNs (without JSON key suffixes) that the execution role may read for the secrets above."
  default     = []
}

variable "secret_kms_key_arns" {
  type        = list(string)
  description = "Customer managed KMS keys that encrypt those secrets; empty when they use the aws/secretsmanager key."
  default     = []
}

variable "task_role_policies" {
  type        = map(string)
  description = "IAM policy documents (JSON) attached inline to the task role, by policy name. The task role gets nothing else."
  default     = {}
}

variable "cpu" {
  type        = number
  description = "Task CPU units (1024 = one vCPU)."
  default     = 512
}

variable "memory" {
  type        = number
  description = "Task memory in MiB."
  default     = 1024
}

variable "cpu_architecture" {
  type        = string
  description = "CPU architecture of the image: X86_64 or ARM64."
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "gpu_count" {
  type        = number
  description = "GPUs reserved for the container. Above zero, the task only fits on GPU container instances (set capacity_provider_name)."
  default     = 0
}

variable "capacity_provider_name" {
  type        = string
  description = "EC2 capacity provider to run on; null runs the service on Fargate."
  default     = null
}

variable "desired_count" {
  type        = number
  description = "Initial number of tasks. Later changes come from autoscaling or the console, so Terraform ignores drift."
  default     = 1
}

variable "deployment_minimum_healthy_percent" {
  type        = number
  description = "Lower bound of running tasks during a deployment, in percent of the desired count."
  default     = 100
}

variable "deployment_maximum_percent" {
  type        = number
  description = "Upper bound of running tasks during a deployment, in percent of the desired count."
  default     = 200
}

variable "stop_timeout_seconds" {
  type        = number
  description = "Time between SIGTERM and SIGKILL, so the service can finish requests or jobs in flight (at most 120)."
  default     = 30
}

variable "target_group_arn" {
  type        = string
  description = "ALB target group that receives the tasks' container port; null registers the tasks nowhere."
  default     = null
}

variable "ingress_security_group_id" {
  type        = string
  description = "Security group allowed to reach the container port (the load balancer's); null allows no inbound traffic."
  default     = null
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the service's CloudWatch log group, in days."
  default     = 30
}

variable "log_kms_key_arn" {
  type        = string
  description = "KMS key that encrypts the log group; null uses CloudWatch Logs' own encryption."
  default     = null
}

variable "enable_execute_command" {
  type        = bool
  description = "Allow aws ecs execute-command into the tasks (adds the ssmmessages permissions to the task role)."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
