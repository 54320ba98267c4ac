# Three-node NATS JetStream cluster: one ECS task per dedicated EC2 instance, with JetStream's
# file store on an EBS volume that outlives the instance. Nothing is created when
# existing_nats_url is set.
#
# The tasks use host networking on instances with fixed private addresses, so every node keeps
# one address for its whole life: routes between nodes and the clients' DNS name stay valid
# when a task restarts.

locals {
  enabled = var.existing_nats_url == null

  node_names = local.enabled ? ["nats-1", "nats-2", "nats-3"] : []
  # Node name => index, spread over the private subnets (and so over the zones).
  nodes = { for index, node in local.node_names : node => index }

  subnet_count = length(var.private_subnet_ids)
  node_subnet  = { for node, index in local.nodes : node => index % local.subnet_count }
  # Host numbers from 10 up stay clear of the addresses AWS reserves at the start of each subnet.
  node_ip = { for node, index in local.nodes : node => cidrhost(var.private_subnet_cidr_blocks[local.node_subnet[node]], 10 + index) }

  zone_name    = "${var.name}.internal"
  client_host  = "nats.${local.zone_name}"
  route_urls   = [for node in local.node_names : "nats://${node}.${local.zone_name}:6222"]
  monitor_urls = [for node in local.node_names : "http://${node}.${local.zone_name}:8222"]

  data_path_on_host = "/data/nats"
  store_dir         = "/data/jetstream"
}

data "aws_ssm_parameter" "ecs_ami" {
  count = local.enabled ? 1 : 0

  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
}

# Private DNS: one name per node for routes and monitoring, and one name that resolves to all
# nodes for clients (the Node.js NATS client tries every address a name resolves to).
resource "aws_route53_zone" "this" {
  count = local.enabled ? 1 : 0

  name    = local.zone_name
  comment = "Private names of the NATS nodes"

  vpc {
    vpc_id = var.vpc_id
  }

  tags = var.tags
}

resource "aws_route53_record" "node" {
  for_each = local.nodes

  zone_id = aws_route53_zone.this[0].zone_id
  name    = "${each.key}.${local.zone_name}"
  type    = "A"
  ttl     = 60
  records = [local.node_ip[each.key]]
}

resource "aws_route53_record" "clients" {
  count = local.enabled ? 1 : 0

  zone_id = aws_route53_zone.this[0].zone_id
  name    = local.client_host
  type    = "A"
  ttl     = 60
  records = values(local.node_ip)
}

# JetStream keeps its file store on block storage. NATS advises against NFS (and so EFS) for
# JetStream, because its file store relies on local file system semantics and latency.
resource "aws_ebs_volume" "jetstream" {
  for_each = local.nodes

  availability_zone = var.private_subnet_availability_zones[local.node_subnet[each.key]]
  size              = var.volume_size_gib
  type              = "gp3"
  encrypted         = true
  kms_key_id        = var.kms_key_arn

  tags = merge(var.tags, { Name = "${var.name}-${each.key}-jetstream" })
}

resource "aws_instance" "node" {
  for_each = local.nodes

  ami                         = data.aws_ssm_parameter.ecs_ami[0].value
  instance_type               = var.instance_type
  subnet_id                   = var.private_subnet_ids[local.node_subnet[each.key]]
  private_ip                  = local.node_ip[each.key]
  vpc_security_group_ids      = [aws_security_group.nats[0].id]
  iam_instance_profile        = var.instance_profile_name
  associate_public_ip_address = false

  user_data = templatefile("${path.module}/user-data.sh.tftpl", {
    cluster_name = var.cluster_name
    node_name    = each.key
    volume_id    = aws_ebs_volume.jetstream[each.key].id
    mount_point  = local.data_path_on_host
  })

  root_block_device {
    volume_size = 30
    volume_type = "gp3"
    encrypted   = true
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })

  lifecycle {
    # A new AMI release must not replace a JetStream node behind the operator's back; roll
    # nodes one at a time with terraform apply -replace instead.
    ignore_changes = [ami, user_data]
  }
}

resource "aws_volume_attachment" "jetstream" {
  for_each = local.nodes

  device_name = "/dev/xvdf"
  volume_id   = aws_ebs_volume.jetstream[each.key].id
  instance_id = aws_instance.node[each.key].id
}

resource "aws_cloudwatch_log_group" "this" {
  count = local.enabled ? 1 : 0

  name              = "/lookout/${var.cluster_name}/nats"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_ecs_task_definition" "node" {
  for_each = local.nodes

  family                   = "${var.cluster_name}-${each.key}"
  network_mode             = "host"
  requires_compatibilities = ["EC2"]
  cpu                      = tostring(var.task_cpu)
  memory                   = tostring(var.task_memory)
  execution_role_arn       = aws_iam_role.execution[0].arn

  volume {
    name      = "jetstream"
    host_path = local.data_path_on_host
  }

  container_definitions = jsonencode([
    {
      name      = "nats"
      image     = "${var.repository_url}:${var.image_tag}"
      essential = true
      command = [
        "--name", each.key,
        "--port", "4222",
        "--http_port", "8222",
        "--jetstream",
        "--store_dir", local.store_dir,
        "--cluster_name", var.name,
        "--cluster", "nats://0.0.0.0:6222",
        "--routes", join(",", local.route_urls),
      ]
      portMappings = [
        { containerPort = 4222, hostPort = 4222, protocol = "tcp" },
        { containerPort = 6222, hostPort = 6222, protocol = "tcp" },
        { containerPort = 8222, hostPort = 8222, protocol = "tcp" },
      ]
      mountPoints = [
        { sourceVolume = "jetstream", containerPath = local.store_dir, readOnly = false }
      ]
      healthCheck = {
        # The alpine variant of the nats image has BusyBox wget; the scratch variant has no shell.
        command     = ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8222/healthz || exit 1"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      # JetStream flushes and steps down as leader on SIGTERM, which takes a few seconds.
      stopTimeout = 60
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.this[0].name
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = each.key
        }
      }
    }
  ])

  tags = var.tags
}

resource "aws_ecs_service" "node" {
  for_each = local.nodes

  name            = each.key
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.node[each.key].arn
  desired_count   = 1
  launch_type     = "EC2"

  # One task per node on its own instance: the old task stops before the new one starts.
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:lookout.nats-node == ${each.key}"
  }

  tags = var.tags

  depends_on = [aws_volume_attachment.jetstream]
}
