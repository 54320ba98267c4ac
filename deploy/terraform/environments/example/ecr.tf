# One repository per image. Tags are immutable, so a deployed tag always names the same image
# and a re-pushed tag fails instead of silently changing running services.
resource "aws_ecr_repository" "service" {
  for_each = toset(["ingest", "results", "web", "detector-gpu"])

  name                 = "${var.name}/${each.key}"
  image_tag_mutability = "IMMUTABLE"
  force_delete         = false

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "service" {
  for_each = aws_ecr_repository.service

  repository = each.value.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Keep the ${var.ecr_images_to_keep} newest images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.ecr_images_to_keep
        }
        action = { type = "expire" }
      }
    ]
  })
}
