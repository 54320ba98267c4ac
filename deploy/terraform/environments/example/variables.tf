variable "name" {
  type        = string
  description = "Name of this deployment; prefixes the VPC, cluster, load balancer, repositories and DNS zone."
  default     = "lookout"
}

variable "region" {
  type        = string
  description = "AWS Region to deploy to."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "image_tag" {
  type        = string
  description = "Tag of the service images to deploy (the same tag in the ingest, results, web and detector-gpu repositories), for example a Git commit SHA."

  validation {
    condition     = var.image_tag != "" && var.image_tag != "latest"
    error_message = "image_tag must name an immutable tag such as a commit SHA, not \"latest\"."
  }
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL of every service (fatal, error, warn, info, debug, trace)."
  default     = "info"
}

variable "max_upload_bytes" {
  type        = number
  description = "MAX_UPLOAD_BYTES of ingest. API Gateway HTTP APIs accept request bodies up to 10 MB, so larger values only help clients that reach the ALB directly."
  default     = 9437184
}

variable "vpc_cidr_block" {
  type        = string
  description = "IPv4 range of the VPC (a /16)."
  default     = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway instead of one per zone: cheaper, but a zone failure cuts outbound traffic."
  default     = false
}

variable "custom_domain_name" {
  type        = string
  description = "Optional custom domain of the API; null serves the execute-api URL only."
  default     = null
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate of custom_domain_name."
  default     = null
}

variable "mtls_truststore_uri" {
  type        = string
  description = "S3 URI of a PEM CA bundle; when set, the custom domain requires client certificates signed by one of those CAs."
  default     = null
}

variable "mtls_truststore_version" {
  type        = string
  description = "Object version of the truststore in a versioned bucket; null uses the latest."
  default     = null
}

variable "gpu_instance_type" {
  type        = string
  description = "EC2 instance type of the detector hosts (NVIDIA GPU)."
  default     = "g5.xlarge"
}

variable "detector_cpu" {
  type        = number
  description = "CPU units of a detector task; must fit gpu_instance_type (g5.xlarge has 4096)."
  default     = 3072
}

variable "detector_memory" {
  type        = number
  description = "Memory of a detector task in MiB; must fit gpu_instance_type after the ECS agent's share (g5.xlarge registers about 15,500)."
  default     = 12288
}

variable "detector_min_count" {
  type        = number
  description = "Fewest detector tasks the backlog autoscaling keeps."
  default     = 1
}

variable "detector_max_count" {
  type        = number
  description = "Most detector tasks, and most GPU instances (one GPU each)."
  default     = 4
}

variable "bucket_name" {
  type        = string
  description = "Globally unique name of the image bucket."
}

variable "database_instance_class" {
  type        = string
  description = "RDS instance class of the results database."
  default     = "db.t4g.medium"
}

variable "database_multi_az" {
  type        = bool
  description = "Keep a standby of the database in a second zone."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Customer managed KMS key for the database, its secret and the bucket; null uses AWS managed keys."
  default     = null
}

variable "existing_nats_url" {
  type        = string
  description = "Use this NATS (with JetStream) instead of creating the three-node cluster."
  default     = null
}

variable "existing_nats_monitoring_urls" {
  type        = list(string)
  description = "Monitoring endpoints (http://host:8222) of the existing NATS servers, for detector autoscaling."
  default     = []
}

variable "nats_image_tag" {
  type        = string
  description = "Pinned alpine tag of the nats image, for example 2.11.8-alpine."
}

variable "nats_exporter_image_tag" {
  type        = string
  description = "Pinned tag of natsio/prometheus-nats-exporter."
}

variable "cloudwatch_agent_image_tag" {
  type        = string
  description = "Pinned tag of the CloudWatch agent image."
}

variable "ecr_images_to_keep" {
  type        = number
  description = "Images kept per ECR repository; older ones expire."
  default     = 30
}

variable "dashboard_origins" {
  type        = list(string)
  description = "Origins of the dashboard (for example https://lookout.example.com) allowed to PUT large files straight to the image bucket; empty disables direct uploads from browsers."
  default     = []
}
