# Lookout on AWS: API Gateway -> VPC link -> internal ALB -> ECS services, detectors on GPU
# instances, NATS JetStream, RDS PostgreSQL and S3. Every module lives in ../../modules.

provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, { Application = "lookout", Environment = var.name })
  }
}

locals {
  # Default ports of the services (INGEST_PORT, RESULTS_PORT, WEB_PORT, DETECTOR_PORT).
  ports = {
    ingest   = 3001
    results  = 3003
    web      = 3000
    detector = 3002
  }

  health_check_path = "/health"

  # Variables every NATS- and S3-using service reads.
  shared_environment = {
    LOG_LEVEL = var.log_level
    NATS_URL  = module.nats.nats_url
    S3_BUCKET = module.data.bucket_name
    S3_REGION = var.region
  }

  # The results image ships the RDS CA bundle at this path (see services/results/Dockerfile).
  # User and password come from the RDS-managed secret as PGUSER and PGPASSWORD, which the
  # PostgreSQL client reads when the URL carries no credentials.
  database_url = "postgres://${module.data.database_address}:${module.data.database_port}/${module.data.database_name}?sslmode=verify-full&sslrootcert=/etc/ssl/certs/rds-global-bundle.pem"
}

module "network" {
  source = "../../modules/network"

  name               = var.name
  region             = var.region
  cidr_block         = var.vpc_cidr_block
  single_nat_gateway = var.single_nat_gateway
}

module "edge" {
  source = "../../modules/edge"

  name               = var.name
  vpc_id             = module.network.vpc_id
  vpc_cidr_block     = module.network.vpc_cidr_block
  private_subnet_ids = module.network.private_subnet_ids
  health_check_path  = local.health_check_path

  service_ports = {
    ingest  = local.ports.ingest
    results = local.ports.results
    web     = local.ports.web
  }

  custom_domain_name      = var.custom_domain_name
  certificate_arn         = var.certificate_arn
  mtls_truststore_uri     = var.mtls_truststore_uri
  mtls_truststore_version = var.mtls_truststore_version
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name               = var.name
  vpc_id             = module.network.vpc_id
  private_subnet_ids = module.network.private_subnet_ids
  gpu_instance_type  = var.gpu_instance_type
  gpu_min_instances  = 0
  gpu_max_instances  = var.detector_max_count
}

module "data" {
  source = "../../modules/data"

  name               = var.name
  vpc_id             = module.network.vpc_id
  private_subnet_ids = module.network.private_subnet_ids
  bucket_name        = var.bucket_name
  multi_az           = var.database_multi_az
  instance_class     = var.database_instance_class
  kms_key_arn        = var.kms_key_arn

  # The dashboard PUTs large files straight to the bucket with presigned URLs.
  upload_cors_allowed_origins = var.dashboard_origins

  database_client_security_group_ids = {
    results = module.results.security_group_id
  }
}

module "nats" {
  source = "../../modules/nats"

  name                              = var.name
  region                            = var.region
  existing_nats_url                 = var.existing_nats_url
  existing_nats_monitoring_urls     = var.existing_nats_monitoring_urls
  cluster_name                      = module.cluster.cluster_name
  cluster_arn                       = module.cluster.cluster_arn
  instance_profile_name             = module.cluster.instance_profile_name
  vpc_id                            = module.network.vpc_id
  private_subnet_ids                = module.network.private_subnet_ids
  private_subnet_cidr_blocks        = module.network.private_subnet_cidr_blocks
  private_subnet_availability_zones = module.network.private_subnet_availability_zones
  image_tag                         = var.nats_image_tag

  client_security_group_ids = {
    ingest   = module.ingest.security_group_id
    detector = module.detector.security_group_id
    results  = module.results.security_group_id
  }

  monitoring_security_group_ids = {
    jetstream-metrics = module.detector_autoscaling.security_group_id
  }
}

module "ingest" {
  source = "../../modules/service"

  name                      = "ingest"
  region                    = var.region
  cluster_name              = module.cluster.cluster_name
  cluster_arn               = module.cluster.cluster_arn
  vpc_id                    = module.network.vpc_id
  vpc_cidr_block            = module.network.vpc_cidr_block
  private_subnet_ids        = module.network.private_subnet_ids
  repository_url            = aws_ecr_repository.service["ingest"].repository_url
  image_tag                 = var.image_tag
  container_port            = local.ports.ingest
  health_check_path         = local.health_check_path
  target_group_arn          = module.edge.target_group_arns.ingest
  ingress_security_group_id = module.edge.alb_security_group_id
  desired_count             = 2
  cpu                       = 1024
  memory                    = 2048

  environment = merge(local.shared_environment, {
    INGEST_PORT      = tostring(local.ports.ingest)
    MAX_UPLOAD_BYTES = tostring(var.max_upload_bytes)
  })

  # Every ingest replica must verify upload ids that another replica signed.
  secrets = {
    UPLOAD_TOKEN_SECRET = aws_secretsmanager_secret.upload_token.arn
  }
  secret_arns = [aws_secretsmanager_secret.upload_token.arn]

  task_role_policies = {
    images-bucket = data.aws_iam_policy_document.ingest.json
  }
}

resource "random_password" "upload_token" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "upload_token" {
  name_prefix = "${var.name}-upload-token-"
  description = "Key that signs the upload ids of direct-to-S3 uploads, shared by all ingest tasks."
  kms_key_id  = var.kms_key_arn
}

resource "aws_secretsmanager_secret_version" "upload_token" {
  secret_id     = aws_secretsmanager_secret.upload_token.id
  secret_string = random_password.upload_token.result
}

module "results" {
  source = "../../modules/service"

  name                      = "results"
  region                    = var.region
  cluster_name              = module.cluster.cluster_name
  cluster_arn               = module.cluster.cluster_arn
  vpc_id                    = module.network.vpc_id
  vpc_cidr_block            = module.network.vpc_cidr_block
  private_subnet_ids        = module.network.private_subnet_ids
  repository_url            = aws_ecr_repository.service["results"].repository_url
  image_tag                 = var.image_tag
  container_port            = local.ports.results
  health_check_path         = local.health_check_path
  target_group_arn          = module.edge.target_group_arns.results
  ingress_security_group_id = module.edge.alb_security_group_id
  desired_count             = 2

  # Every task applies pending migrations before the service starts; a migration that fails
  # stops the task, and the deployment circuit breaker rolls back.
  init_command = ["node", "services/results/dist/migrate.js"]

  environment = merge(local.shared_environment, {
    RESULTS_PORT = tostring(local.ports.results)
    DATABASE_URL = local.database_url
  })

  secrets = {
    PGUSER     = "${module.data.master_user_secret_arn}:username::"
    PGPASSWORD = "${module.data.master_user_secret_arn}:password::"
  }
  secret_arns         = [module.data.master_user_secret_arn]
  secret_kms_key_arns = var.kms_key_arn == null ? [] : [var.kms_key_arn]

  task_role_policies = {
    images-bucket = data.aws_iam_policy_document.results.json
  }
}

module "web" {
  source = "../../modules/service"

  name                      = "web"
  region                    = var.region
  cluster_name              = module.cluster.cluster_name
  cluster_arn               = module.cluster.cluster_arn
  vpc_id                    = module.network.vpc_id
  vpc_cidr_block            = module.network.vpc_cidr_block
  private_subnet_ids        = module.network.private_subnet_ids
  repository_url            = aws_ecr_repository.service["web"].repository_url
  image_tag                 = var.image_tag
  container_port            = local.ports.web
  health_check_path         = local.health_check_path
  target_group_arn          = module.edge.target_group_arns.web
  ingress_security_group_id = module.edge.alb_security_group_id
  desired_count             = 2

  environment = {
    LOG_LEVEL = var.log_level
    WEB_PORT  = tostring(local.ports.web)
    WEB_HOST  = "0.0.0.0"
  }

  # The dashboard calls no AWS API, so its task role has no policy.
  task_role_policies = {}
}

module "detector" {
  source = "../../modules/service"

  name                   = "detector"
  region                 = var.region
  cluster_name           = module.cluster.cluster_name
  cluster_arn            = module.cluster.cluster_arn
  vpc_id                 = module.network.vpc_id
  vpc_cidr_block         = module.network.vpc_cidr_block
  private_subnet_ids     = module.network.private_subnet_ids
  repository_url         = aws_ecr_repository.service["detector-gpu"].repository_url
  image_tag              = var.image_tag
  container_port         = local.ports.detector
  health_check_path      = local.health_check_path
  capacity_provider_name = module.cluster.gpu_capacity_provider_name
  gpu_count              = 1
  cpu                    = var.detector_cpu
  memory                 = var.detector_memory
  desired_count          = 1
  # Model loading and the CUDA session take longer than a web server's start.
  health_check_start_period_seconds = 120
  # Lets jobs in flight finish; the detector acknowledges a message only after publishing its result.
  stop_timeout_seconds = 120

  # No load balancer and no inbound rule: detectors pull work from NATS.
  target_group_arn          = null
  ingress_security_group_id = null

  environment = merge(local.shared_environment, {
    DETECTOR_PORT   = tostring(local.ports.detector)
    DETECTOR_DEVICE = "cuda"
    # Batching is meant for GPUs, where stacked images keep the device busy. It lowered throughput
    # on CPU (docs/benchmarks.md); NOTE: its gain on a GPU has not been measured yet.
    DETECTOR_BATCH_SIZE = "8"
  })

  task_role_policies = {
    images-bucket = data.aws_iam_policy_document.detector.json
  }
}

module "detector_autoscaling" {
  source = "../../modules/detector-autoscaling"

  region                     = var.region
  cluster_name               = module.cluster.cluster_name
  cluster_arn                = module.cluster.cluster_arn
  detector_service_name      = module.detector.service_name
  vpc_id                     = module.network.vpc_id
  vpc_cidr_block             = module.network.vpc_cidr_block
  private_subnet_ids         = module.network.private_subnet_ids
  nats_monitoring_urls       = module.nats.monitoring_urls
  min_capacity               = var.detector_min_count
  max_capacity               = var.detector_max_count
  exporter_image_tag         = var.nats_exporter_image_tag
  cloudwatch_agent_image_tag = var.cloudwatch_agent_image_tag
}
