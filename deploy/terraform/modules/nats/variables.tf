variable "name" {
  type        = string
  description = "Name prefix of the NATS resources; also the NATS cluster name and the private DNS namespace (<name>.internal)."
}

variable "existing_nats_url" {
  type        = string
  description = "URL of an existing NATS server or cluster with JetStream (for example nats://nats.example.internal:4222). When set, this module creates nothing and returns it."
  default     = null
}

variable "existing_nats_monitoring_urls" {
  type        = list(string)
  description = "Monitoring endpoints (http://host:8222) of the existing NATS servers, for the JetStream metrics exporter. Used only with existing_nats_url."
  default     = []
}

variable "region" {
  type        = string
  description = "AWS Region, for the awslogs driver."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster the NATS instances join and the NATS services run in."
}

variable "cluster_arn" {
  type        = string
  description = "ARN of that ECS cluster."
}

variable "instance_profile_name" {
  type        = string
  description = "Instance profile with the ECS container instance role (AmazonEC2ContainerServiceforEC2Role)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the NATS nodes."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets; node i runs in subnet i modulo their count."
}

variable "private_subnet_cidr_blocks" {
  type        = list(string)
  description = "IPv4 range of each private subnet, in the same order; each node gets a fixed address in its subnet."
}

variable "private_subnet_availability_zones" {
  type        = list(string)
  description = "Availability Zone of each private subnet, in the same order, so each EBS volume is created beside its instance."
}

variable "instance_type" {
  type        = string
  description = "EC2 instance type of each NATS node."
  default     = "t3.medium"
}

variable "volume_size_gib" {
  type        = number
  description = "Size of each node's JetStream EBS volume, in GiB."
  default     = 50
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key of the EBS volumes; null uses the aws/ebs key."
  default     = null
}

variable "task_cpu" {
  type        = number
  description = "CPU units of each NATS task (1024 = one vCPU); must fit the instance type."
  default     = 1024
}

variable "task_memory" {
  type        = number
  description = "Memory of each NATS task in MiB; must fit the instance type after the ECS agent's share."
  default     = 3072
}

variable "repository_url" {
  type        = string
  description = "Repository of the NATS server image, without a tag. Use the alpine variant's repository, because the health check runs wget in a shell."
  default     = "public.ecr.aws/docker/library/nats"
}

variable "image_tag" {
  type        = string
  description = "Pinned tag of the NATS server image, an alpine variant such as 2.11.8-alpine."

  validation {
    condition     = var.image_tag != "latest" && can(regex("alpine", var.image_tag))
    error_message = "image_tag must be a pinned alpine tag of the nats image (for example 2.11.8-alpine), not latest."
  }
}

variable "client_security_group_ids" {
  type        = map(string)
  description = "Security groups allowed to connect to NATS on 4222, by a static label (ingest, detector, results)."
  default     = {}
}

variable "monitoring_security_group_ids" {
  type        = map(string)
  description = "Security groups allowed to read the monitoring endpoint on 8222, by a static label."
  default     = {}
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the NATS log group, in days."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
