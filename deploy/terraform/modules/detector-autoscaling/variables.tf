variable "region" {
  type        = string
  description = "AWS Region of the cluster and the metric."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster of the detector service; the metrics task runs there too."
}

variable "cluster_arn" {
  type        = string
  description = "ARN of that ECS cluster."
}

variable "detector_service_name" {
  type        = string
  description = "Name of the detector ECS service to scale."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the metrics task."
}

variable "vpc_cidr_block" {
  type        = string
  description = "IPv4 range of the VPC; the metrics task reads the NATS monitoring port inside it."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets of the metrics task."
}

variable "nats_monitoring_urls" {
  type        = list(string)
  description = "NATS monitoring endpoints (http://host:8222) that the exporter reads."
}

variable "stream_name" {
  type        = string
  description = "JetStream stream of the detector's work (STREAMS.images.name in libs/contracts)."
  default     = "IMAGES"
}

variable "consumer_name" {
  type        = string
  description = "Durable consumer shared by all detector replicas (DETECTOR_DURABLE in services/detector)."
  default     = "detector"
}

variable "metric_namespace" {
  type        = string
  description = "CloudWatch namespace of the backlog metric."
  default     = "Lookout/JetStream"
}

variable "scrape_interval_seconds" {
  type        = number
  description = "How often the CloudWatch agent reads the exporter, in seconds."
  default     = 30
}

variable "min_capacity" {
  type        = number
  description = "Fewest detector tasks. One keeps a warm detector; zero saves the GPU instance but delays the first image by an instance start."
  default     = 1
}

variable "max_capacity" {
  type        = number
  description = "Most detector tasks; each needs one GPU, so keep it at or below the GPU Auto Scaling group's maximum."
  default     = 4
}

variable "scale_out_pending_threshold" {
  type        = number
  description = "Messages waiting for the detector consumer (num_pending) at which a task is added."
  default     = 20
}

variable "scale_out_cooldown_seconds" {
  type        = number
  description = "Wait after a scale-out before the next one; a GPU instance and the detector need minutes to start."
  default     = 300
}

variable "scale_in_after_idle_minutes" {
  type        = number
  description = "Minutes with nothing waiting before one detector task is removed."
  default     = 15
}

variable "scale_in_cooldown_seconds" {
  type        = number
  description = "Wait after a scale-in before the next one."
  default     = 300
}

variable "exporter_repository_url" {
  type        = string
  description = "Repository of the prometheus-nats-exporter image, without a tag."
  default     = "natsio/prometheus-nats-exporter"
}

variable "exporter_image_tag" {
  type        = string
  description = "Pinned tag of the prometheus-nats-exporter image."

  validation {
    condition     = var.exporter_image_tag != "" && var.exporter_image_tag != "latest"
    error_message = "exporter_image_tag must be a pinned version, not latest."
  }
}

variable "cloudwatch_agent_repository_url" {
  type        = string
  description = "Repository of the CloudWatch agent image, without a tag."
  default     = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent"
}

variable "cloudwatch_agent_image_tag" {
  type        = string
  description = "Pinned tag of the CloudWatch agent image."

  validation {
    condition     = var.cloudwatch_agent_image_tag != "" && var.cloudwatch_agent_image_tag != "latest"
    error_message = "cloudwatch_agent_image_tag must be a pinned version, not latest."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the metrics task's container logs, in days."
  default     = 14
}

variable "metric_log_retention_days" {
  type        = number
  description = "Retention of the embedded-metric-format log events, in days; the metric itself is kept by CloudWatch."
  default     = 3
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
