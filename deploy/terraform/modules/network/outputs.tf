output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  description = "Private subnets, one per zone: every task, instance, load balancer and database goes here."
  value       = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  description = "Public subnets that hold only the NAT gateways."
  value       = aws_subnet.public[*].id
}

output "private_route_table_ids" {
  description = "Route tables of the private subnets."
  value       = aws_route_table.private[*].id
}

output "nat_public_ips" {
  description = "Public addresses of the NAT gateways, the source address of all outbound traffic."
  value       = aws_eip.nat[*].public_ip
}

output "private_subnet_cidr_blocks" {
  description = "IPv4 range of each private subnet, in the order of private_subnet_ids."
  value       = aws_subnet.private[*].cidr_block
}

output "private_subnet_availability_zones" {
  description = "Availability Zone of each private subnet, in the order of private_subnet_ids."
  value       = aws_subnet.private[*].availability_zone
}
