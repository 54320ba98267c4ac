# ECS cluster with Fargate for the web-facing services and an EC2 Auto Scaling group of GPU
# instances for the detectors.

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", aws_ecs_capacity_provider.gpu.name]

  # Services without their own strategy run on Fargate; the detector service names the GPU provider.
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
    base              = 0
  }
}

# The ECS-optimized GPU AMI has the ECS agent, Docker, the NVIDIA driver and the NVIDIA
# container toolkit. Deep Learning AMIs lack the ECS agent, so their instances never register.
data "aws_ssm_parameter" "gpu_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id"
}

resource "aws_security_group" "instances" {
  name        = "${var.name}-container-instances"
  description = "ECS container instances; no inbound traffic, tasks get their own ENIs (awsvpc)"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-container-instances" })
}

# The ECS agent, ECR and CloudWatch Logs are HTTPS APIs, reached through VPC endpoints or the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "instances_https" {
  security_group_id = aws_security_group.instances.id
  description       = "HTTPS to AWS APIs through VPC endpoints and the NAT gateway (egress only)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_launch_template" "gpu" {
  name_prefix   = "${var.name}-gpu-"
  image_id      = data.aws_ssm_parameter.gpu_ami.value
  instance_type = var.gpu_instance_type

  iam_instance_profile {
    arn = aws_iam_instance_profile.instance.arn
  }

  network_interfaces {
    associate_public_ip_address = false
    security_groups             = [aws_security_group.instances.id]
  }

  user_data = base64encode(templatefile("${path.module}/user-data.sh.tftpl", {
    cluster_name = aws_ecs_cluster.this.name
  }))

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      # CUDA images are several GiB; the default 30 GiB root volume fills up after a few image versions.
      volume_size           = var.root_volume_size_gib
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.name}-gpu" })
  }

  tags = var.tags
}

resource "aws_autoscaling_group" "gpu" {
  name_prefix         = "${var.name}-gpu-"
  vpc_zone_identifier = var.private_subnet_ids
  min_size            = var.gpu_min_instances
  max_size            = var.gpu_max_instances
  # ECS managed termination protection needs scale-in protection on new instances.
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.gpu.id
    version = aws_launch_template.gpu.latest_version
  }

  instance_refresh {
    strategy = "Rolling"

    preferences {
      min_healthy_percentage = 50
    }
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }

  dynamic "tag" {
    for_each = var.tags

    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }

  lifecycle {
    # The capacity provider's managed scaling owns the desired capacity.
    ignore_changes = [desired_capacity]
  }
}

resource "aws_ecs_capacity_provider" "gpu" {
  name = "${var.name}-gpu"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.gpu.arn
    managed_termination_protection = "ENABLED"
    managed_draining               = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = 100
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = var.gpu_max_instances
      instance_warmup_period    = 300
    }
  }

  tags = var.tags
}
