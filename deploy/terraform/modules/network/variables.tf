variable "name" {
  type        = string
  description = "Name prefix for the VPC and everything in it."
}

variable "region" {
  type        = string
  description = "AWS Region of the VPC, used in the VPC endpoint service names (for example us-east-1)."
}

variable "cidr_block" {
  type        = string
  description = "IPv4 range of the VPC. Private subnets take /20s from its start and public subnets /24s near its end, so use a /16."
  default     = "10.40.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Number of Availability Zones, each with one private and one public subnet."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4
    error_message = "az_count must be between 2 and 4: the load balancer and the database need two zones."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "Use one NAT gateway for all zones (cheaper, but outbound traffic stops if its zone fails) instead of one per zone."
  default     = false
}

variable "interface_endpoint_services" {
  type        = list(string)
  description = "Service suffixes that get an interface VPC endpoint with private DNS. Add ecs, ecs-agent, ecs-telemetry and monitoring to run without NAT gateways."
  default     = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"]
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
