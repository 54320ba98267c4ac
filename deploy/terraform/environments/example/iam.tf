# Task role policies: each service gets only the S3 actions its code performs on the image bucket.
#
# s3:ListBucket lets S3 answer 404 NoSuchKey for a missing object. Without it S3 answers
# 403 AccessDenied, which the services treat as a failure to retry rather than a missing object.

locals {
  bucket_arn  = module.data.bucket_arn
  objects_arn = "${module.data.bucket_arn}/*"
  # With a customer managed key, reading and writing objects also needs the key.
  kms_key_arns = var.kms_key_arn == null ? [] : [var.kms_key_arn]
}

# Ingest stores originals, deletes them when a later file of the same request fails, checks the
# bucket at start-up (HeadBucket) and probes it for its health check (GetObject on health/probe).
data "aws_iam_policy_document" "ingest" {
  statement {
    sid       = "WriteOriginals"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = [local.objects_arn]
  }

  statement {
    sid       = "HealthProbe"
    actions   = ["s3:GetObject"]
    resources = ["${module.data.bucket_arn}/health/*"]
  }

  # Completing a direct upload reads the pending object to verify it and copies it to its final key.
  statement {
    sid       = "VerifyDirectUploads"
    actions   = ["s3:GetObject"]
    resources = ["${module.data.bucket_arn}/uploads/pending/*"]
  }

  statement {
    sid       = "BucketChecks"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
  }

  dynamic "statement" {
    for_each = local.kms_key_arns

    content {
      sid       = "ObjectKey"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# Detectors read the originals named in images.uploaded.v1 events.
data "aws_iam_policy_document" "detector" {
  statement {
    sid       = "ReadOriginals"
    actions   = ["s3:GetObject"]
    resources = [local.objects_arn]
  }

  statement {
    sid       = "MissingObjectsAre404"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
  }

  dynamic "statement" {
    for_each = local.kms_key_arns

    content {
      sid       = "ObjectKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# Results serves originals at GET /v1/images/{id}/file. Its database credentials are injected
# by ECS from the RDS-managed secret, which the service module grants to the execution role.
data "aws_iam_policy_document" "results" {
  statement {
    sid       = "ReadOriginals"
    actions   = ["s3:GetObject"]
    resources = [local.objects_arn]
  }

  statement {
    sid       = "MissingObjectsAre404"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
  }

  dynamic "statement" {
    for_each = local.kms_key_arns

    content {
      sid       = "ObjectKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}
