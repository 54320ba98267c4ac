# Bucket of the original uploads: private, encrypted, and cleaned of abandoned multipart uploads.

resource "aws_s3_bucket" "images" {
  bucket        = var.bucket_name
  force_destroy = false

  tags = var.tags
}

resource "aws_s3_bucket_public_access_block" "images" {
  bucket = aws_s3_bucket.images.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "images" {
  bucket = aws_s3_bucket.images.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "images" {
  bucket = aws_s3_bucket.images.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "images" {
  bucket = aws_s3_bucket.images.id

  # The SDK uploads large files in parts; parts of an upload that never completed are billed until removed.
  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_upload_days
    }
  }

  # Direct uploads wait under uploads/pending/ until ingest checks them; a client that never
  # completes its upload, or a delete that failed after a check, leaves the object there.
  rule {
    id     = "expire-pending-uploads"
    status = "Enabled"

    filter {
      prefix = "uploads/pending/"
    }

    expiration {
      days = var.pending_upload_expiration_days
    }
  }

  dynamic "rule" {
    for_each = var.image_expiration_days == null ? [] : [var.image_expiration_days]

    content {
      id     = "expire-originals"
      status = "Enabled"

      filter {}

      expiration {
        days = rule.value
      }
    }
  }
}

# Browsers PUT large files straight to the bucket with URLs that ingest presigns, from the
# dashboard's origin; without these rules the browser blocks the cross-origin request.
resource "aws_s3_bucket_cors_configuration" "images" {
  count = length(var.upload_cors_allowed_origins) > 0 ? 1 : 0

  bucket = aws_s3_bucket.images.id

  cors_rule {
    allowed_methods = ["PUT"]
    allowed_origins = var.upload_cors_allowed_origins
    allowed_headers = ["content-type"]
    expose_headers  = ["ETag"]
    max_age_seconds = 3600
  }
}

data "aws_iam_policy_document" "images_tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.images.arn,
      "${aws_s3_bucket.images.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "images" {
  bucket = aws_s3_bucket.images.id
  policy = data.aws_iam_policy_document.images_tls_only.json

  # The public access block must exist first, or a later policy change could race it.
  depends_on = [aws_s3_bucket_public_access_block.images]
}
