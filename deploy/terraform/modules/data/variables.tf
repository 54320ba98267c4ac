variable "name" {
  type        = string
  description = "Name prefix of the database resources."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the database."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets (at least two zones) of the database subnet group."
}

variable "database_client_security_group_ids" {
  type        = map(string)
  description = "Security groups allowed to connect to PostgreSQL, by a static label (for example { results = sg-... })."
}

variable "postgres_engine_version" {
  type        = string
  description = "PostgreSQL engine version (a major version such as \"17\" lets RDS pick the newest minor)."
  default     = "17"
}

variable "instance_class" {
  type        = string
  description = "RDS instance class."
  default     = "db.t4g.medium"
}

variable "allocated_storage_gib" {
  type        = number
  description = "Initial storage in GiB."
  default     = 20
}

variable "max_allocated_storage_gib" {
  type        = number
  description = "Upper bound of storage autoscaling in GiB."
  default     = 200
}

variable "database_name" {
  type        = string
  description = "Name of the database the results service uses."
  default     = "lookout"
}

variable "master_username" {
  type        = string
  description = "Master user name; RDS generates and rotates its password in Secrets Manager."
  default     = "lookout"
}

variable "multi_az" {
  type        = bool
  description = "Keep a synchronous standby in a second zone."
  default     = true
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery window)."
  default     = 7
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the database until this is turned off."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Customer managed KMS key for the database storage, its master secret and the bucket; null uses AWS managed keys (aws/rds, aws/secretsmanager) and SSE-S3 (AES256)."
  default     = null
}

variable "bucket_name" {
  type        = string
  description = "Globally unique name of the image bucket (S3_BUCKET)."
}

variable "abort_incomplete_multipart_upload_days" {
  type        = number
  description = "Days after which parts of an unfinished multipart upload are deleted."
  default     = 1
}

variable "image_expiration_days" {
  type        = number
  description = "Delete originals this many days after upload; null keeps them forever."
  default     = null
}

variable "pending_upload_expiration_days" {
  type        = number
  description = "Days after which a direct upload under uploads/pending/ that was never completed is deleted."
  default     = 1
}

variable "upload_cors_allowed_origins" {
  type        = list(string)
  description = "Origins of the dashboard (such as https://lookout.example.com) allowed to PUT files to the bucket with presigned URLs; empty turns direct uploads from browsers off."
  default     = []
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
