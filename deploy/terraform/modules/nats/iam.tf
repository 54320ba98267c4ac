data "aws_iam_policy_document" "ecs_tasks_assume" {
  count = local.enabled ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_partition" "current" {}

# The NATS server calls no AWS API, so its tasks have an execution role (image pull, logs) and no task role.
resource "aws_iam_role" "execution" {
  count = local.enabled ? 1 : 0

  name_prefix        = "${var.name}-nats-exec-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume[0].json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  count = local.enabled ? 1 : 0

  role       = aws_iam_role.execution[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
