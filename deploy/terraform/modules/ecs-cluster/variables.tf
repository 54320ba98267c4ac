variable "name" {
  type        = string
  description = "Name of the ECS cluster and prefix of its EC2 resources."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the container instances."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets of the GPU Auto Scaling group. They need a route to the ECS, ECR and CloudWatch endpoints (NAT gateway or VPC endpoints)."
}

variable "gpu_instance_type" {
  type        = string
  description = "EC2 instance type of the detector hosts; it must have an NVIDIA GPU (g4dn, g5, g6 and similar families)."
  default     = "g5.xlarge"

  validation {
    condition     = can(regex("^(g4dn|g5|g5g|g6|g6e|gr6|p3|p4d|p4de|p5|p5e)\\.", var.gpu_instance_type))
    error_message = "gpu_instance_type must be an NVIDIA GPU instance type such as g5.xlarge; tasks that request a GPU never fit on other types."
  }
}

variable "gpu_min_instances" {
  type        = number
  description = "Minimum number of GPU instances. Zero lets the cluster scale the GPU fleet down to nothing when no detector runs."
  default     = 0
}

variable "gpu_max_instances" {
  type        = number
  description = "Maximum number of GPU instances."
  default     = 4
}

variable "root_volume_size_gib" {
  type        = number
  description = "Root EBS volume of each GPU instance, in GiB; it holds the container images."
  default     = 100
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
