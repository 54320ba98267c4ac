# One ECS service and its task definition. Tasks use awsvpc networking in private subnets
# without public addresses; containers log to a group created here.

locals {
  image = "${var.repository_url}:${var.image_tag}"

  uses_ec2 = var.capacity_provider_name != null

  environment = [for key in sort(keys(var.environment)) : { name = key, value = var.environment[key] }]
  secrets     = [for key in sort(keys(var.secrets)) : { name = key, valueFrom = var.secrets[key] }]

  log_configuration = {
    logDriver = "awslogs"
    options = {
      "awslogs-group"         = aws_cloudwatch_log_group.this.name
      "awslogs-region"        = var.region
      "awslogs-stream-prefix" = var.name
    }
  }

  # Slim and CUDA images have no curl, so the check runs Node's built-in fetch.
  health_check_command = [
    "CMD",
    "node",
    "-e",
    "fetch('http://127.0.0.1:${var.container_port}${var.health_check_path}').then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))",
  ]

  init_container_name = "${var.name}-init"

  # A non-essential container that runs to completion before the service container starts,
  # for example a schema migration. The task stops if it exits with a non-zero status.
  init_containers = [
    for command in (var.init_command == null ? [] : [var.init_command]) : {
      name             = local.init_container_name
      image            = local.image
      essential        = false
      command          = command
      environment      = local.environment
      secrets          = local.secrets
      logConfiguration = local.log_configuration
    }
  ]

  app_definition = {
    name      = var.name
    image     = local.image
    essential = true
    command   = var.command
    portMappings = [
      { containerPort = var.container_port, protocol = "tcp" }
    ]
    environment = local.environment
    secrets     = length(local.secrets) > 0 ? local.secrets : null
    healthCheck = {
      command     = local.health_check_command
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = var.health_check_start_period_seconds
    }
    logConfiguration     = local.log_configuration
    resourceRequirements = var.gpu_count > 0 ? [{ type = "GPU", value = tostring(var.gpu_count) }] : null
    dependsOn            = var.init_command == null ? null : [{ containerName = local.init_container_name, condition = "SUCCESS" }]
    stopTimeout          = var.stop_timeout_seconds
  }

  # ECS fills in defaults for the attributes left out here.
  app_container = { for key, value in local.app_definition : key => value if value != null }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/lookout/${var.cluster_name}/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn

  tags = var.tags
}

resource "aws_ecs_task_definition" "this" {
  family                   = "${var.cluster_name}-${var.name}"
  network_mode             = "awsvpc"
  requires_compatibilities = [local.uses_ec2 ? "EC2" : "FARGATE"]
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory)
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode(concat(local.init_containers, [local.app_container]))

  tags = var.tags
}

resource "aws_ecs_service" "this" {
  name                   = var.name
  cluster                = var.cluster_arn
  task_definition        = aws_ecs_task_definition.this.arn
  desired_count          = var.desired_count
  launch_type            = local.uses_ec2 ? null : "FARGATE"
  enable_execute_command = var.enable_execute_command
  propagate_tags         = "SERVICE"

  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.target_group_arn == null ? null : var.health_check_start_period_seconds

  dynamic "capacity_provider_strategy" {
    for_each = local.uses_ec2 ? [var.capacity_provider_name] : []

    content {
      capacity_provider = capacity_provider_strategy.value
      weight            = 1
      base              = 0
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = var.target_group_arn == null ? [] : [var.target_group_arn]

    content {
      target_group_arn = load_balancer.value
      container_name   = var.name
      container_port   = var.container_port
    }
  }

  # A deployment whose tasks keep failing stops and rolls back instead of retrying forever.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  tags = var.tags

  lifecycle {
    # desired_count only seeds a new service; afterwards autoscaling or an operator owns it.
    ignore_changes = [desired_count]
  }
}
