# Scales the detector service on the JetStream backlog of its durable consumer instead of CPU:
# a GPU-bound detector can be busy at low CPU, and an idle one must not wait for CPU to drop.
#
# A small Fargate task publishes the backlog: prometheus-nats-exporter reads the consumer's
# num_pending from the NATS monitoring endpoint, and the CloudWatch agent in the same task scrapes
# it and writes it as the CloudWatch metric <metric_namespace>/jetstream_consumer_num_pending.

locals {
  exporter_port = 7777

  # Only the consumer leader's value counts, so followers that lag do not add a second series.
  metric_label_matcher = "${var.stream_name};${var.consumer_name};true"

  prometheus_config = yamlencode({
    global = {
      scrape_interval = "${var.scrape_interval_seconds}s"
      scrape_timeout  = "10s"
    }
    scrape_configs = [
      {
        job_name       = "nats-jetstream"
        static_configs = [{ targets = ["127.0.0.1:${local.exporter_port}"] }]
      }
    ]
  })

  cloudwatch_agent_config = jsonencode({
    agent = { region = var.region }
    logs = {
      force_flush_interval = 5
      metrics_collected = {
        prometheus = {
          log_group_name         = aws_cloudwatch_log_group.metrics.name
          prometheus_config_path = "env:PROMETHEUS_CONFIG_CONTENT"
          emf_processor = {
            metric_namespace = var.metric_namespace
            metric_declaration = [
              {
                source_labels    = ["stream_name", "consumer_name", "is_consumer_leader"]
                label_matcher    = local.metric_label_matcher
                dimensions       = [["stream_name", "consumer_name"]]
                metric_selectors = ["^jetstream_consumer_num_pending$", "^jetstream_consumer_num_ack_pending$"]
              }
            ]
          }
        }
      }
    }
  })

  log_configuration = {
    logDriver = "awslogs"
    options = {
      "awslogs-group"         = aws_cloudwatch_log_group.this.name
      "awslogs-region"        = var.region
      "awslogs-stream-prefix" = "jetstream-metrics"
    }
  }

  resource_id = "service/${var.cluster_name}/${var.detector_service_name}"
}

# Logs of the two containers.
resource "aws_cloudwatch_log_group" "this" {
  name              = "/lookout/${var.cluster_name}/jetstream-metrics"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

# Embedded-metric-format events that CloudWatch turns into the backlog metric.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/lookout/${var.cluster_name}/jetstream-metrics-emf"
  retention_in_days = var.metric_log_retention_days

  tags = var.tags
}

resource "aws_ecs_task_definition" "metrics" {
  family                   = "${var.cluster_name}-jetstream-metrics"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "nats-exporter"
      image     = "${var.exporter_repository_url}:${var.exporter_image_tag}"
      essential = true
      command = concat(
        ["-jsz=consumers", "-port=${local.exporter_port}", "-addr=127.0.0.1"],
        var.nats_monitoring_urls,
      )
      logConfiguration = local.log_configuration
    },
    {
      name      = "cloudwatch-agent"
      image     = "${var.cloudwatch_agent_repository_url}:${var.cloudwatch_agent_image_tag}"
      essential = true
      environment = [
        { name = "CW_CONFIG_CONTENT", value = local.cloudwatch_agent_config },
        { name = "PROMETHEUS_CONFIG_CONTENT", value = local.prometheus_config },
      ]
      dependsOn        = [{ containerName = "nats-exporter", condition = "START" }]
      logConfiguration = local.log_configuration
    },
  ])

  tags = var.tags
}

resource "aws_ecs_service" "metrics" {
  name            = "jetstream-metrics"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.metrics.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.metrics.id]
    assign_public_ip = false
  }

  tags = var.tags
}
