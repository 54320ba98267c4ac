variable "name" {
  type        = string
  description = "Name prefix of the API, VPC link, load balancer and target groups."

  validation {
    # Target group names are "<name>-results" and may have at most 32 characters.
    condition     = length(var.name) <= 24
    error_message = "name must have at most 24 characters so that target group names fit in 32."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the load balancer and its targets."
}

variable "vpc_cidr_block" {
  type        = string
  description = "IPv4 range of the VPC; the load balancer may open connections to its targets only inside it."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets (at least two zones) for the internal load balancer and the VPC link."
}

variable "service_ports" {
  type = object({
    ingest  = number
    results = number
    web     = number
  })
  description = "Container port of each upstream: INGEST_PORT, RESULTS_PORT and WEB_PORT."
  default = {
    ingest  = 3001
    results = 3003
    web     = 3000
  }
}

variable "health_check_path" {
  type        = string
  description = "Path every service answers with 200 when healthy (HEALTH_PATH in libs/contracts)."
  default     = "/health"
}

variable "idle_timeout_seconds" {
  type        = number
  description = "ALB idle timeout. Keep it below the services' HTTP keep-alive timeout."
  default     = 60
}

variable "deregistration_delay_seconds" {
  type        = number
  description = "Time a stopping task keeps receiving in-flight requests before the ALB drops it."
  default     = 30
}

variable "throttling_burst_limit" {
  type        = number
  description = "API Gateway burst limit of the default route, in requests."
  default     = 200
}

variable "throttling_rate_limit" {
  type        = number
  description = "API Gateway steady-state limit of the default route, in requests per second."
  default     = 100
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the API Gateway access log group, in days."
  default     = 30
}

variable "custom_domain_name" {
  type        = string
  description = "Optional custom domain of the API (for example api.example.com). Null serves only the execute-api URL."
  default     = null
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for custom_domain_name, in the same Region as the API. Required with custom_domain_name."
  default     = null
}

variable "mtls_truststore_uri" {
  type        = string
  description = "S3 URI (s3://bucket/key.pem) of the PEM bundle of CAs whose client certificates are accepted. Setting it turns on mutual TLS on the custom domain and disables the execute-api URL."
  default     = null

  validation {
    condition     = var.mtls_truststore_uri == null || can(regex("^s3://[^/]+/.+", var.mtls_truststore_uri))
    error_message = "mtls_truststore_uri must be an S3 URI such as s3://my-bucket/truststore.pem."
  }
}

variable "mtls_truststore_version" {
  type        = string
  description = "S3 object version of the truststore, for a versioned bucket. Null uses the latest version."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
