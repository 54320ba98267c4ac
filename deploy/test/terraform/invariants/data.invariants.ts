import { mentionsResource, nestedBlocks, nestedBlocksWithDynamic, stringsIn, traceTargets } from '../expressions.js';
import { resourcesOfType, type Block, type ResourceEntry } from '../load-terraform.js';
import { noneFound, type Invariant } from './violation.js';

/**
 * Checks that RDS instances are private (publicly_accessible = false), encrypted, in a subnet group, and keep
 * their master password in Secrets Manager (manage_master_user_password) rather than in Terraform.
 */
export const databasePrivate: Invariant = (root) => {
  const violations: string[] = [];
  const databases = [...resourcesOfType(root, 'aws_db_instance'), ...resourcesOfType(root, 'aws_rds_cluster')];
  for (const database of databases) {
    if (database.type === 'aws_db_instance' && database.body.publicly_accessible !== false) {
      violations.push(`${database.address}.publicly_accessible must be false, found ${JSON.stringify(database.body.publicly_accessible)}`);
    }
    if (database.body.storage_encrypted !== true) {
      violations.push(`${database.address}.storage_encrypted must be true`);
    }
    if (database.body.manage_master_user_password !== true) {
      violations.push(`${database.address}.manage_master_user_password must be true so the password lives in Secrets Manager`);
    }
    if (database.body.password !== undefined || database.body.master_password !== undefined) {
      violations.push(`${database.address} sets a password in Terraform`);
    }
    if (!traceTargets(database.instance, database.body.db_subnet_group_name).some((target) => target.type === 'aws_db_subnet_group')) {
      violations.push(`${database.address}.db_subnet_group_name must reference an aws_db_subnet_group of private subnets`);
    }
  }
  return databases.length === 0 ? [noneFound('aws_db_instance')] : violations;
};

function companions(bucket: ResourceEntry, type: string): Block[] {
  return [...(bucket.instance.module.resources.get(type)?.values() ?? [])].filter((body) => mentionsResource(body.bucket, 'aws_s3_bucket', bucket.name));
}

const PUBLIC_ACCESS_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** Checks that buckets block all public access, encrypt at rest and clean up abandoned multipart uploads. */
export const bucketsLockedDown: Invariant = (root) => {
  const violations: string[] = [];
  const buckets = resourcesOfType(root, 'aws_s3_bucket');
  for (const bucket of buckets) {
    const blocks = companions(bucket, 'aws_s3_bucket_public_access_block');
    if (blocks.length === 0) {
      violations.push(`${bucket.address} has no aws_s3_bucket_public_access_block`);
    }
    for (const block of blocks) {
      for (const flag of PUBLIC_ACCESS_FLAGS.filter((name) => block[name] !== true)) {
        violations.push(`${bucket.address} public access block sets ${flag} = ${JSON.stringify(block[flag])}, not true`);
      }
    }

    const encryption = companions(bucket, 'aws_s3_bucket_server_side_encryption_configuration');
    const algorithms = encryption
      .flatMap((configuration) => nestedBlocks(configuration, 'rule'))
      .flatMap((rule) => nestedBlocks(rule, 'apply_server_side_encryption_by_default'))
      .flatMap((defaults) => stringsIn(defaults.sse_algorithm));
    if (algorithms.length === 0 || !algorithms.every((algorithm) => algorithm.includes('aws:kms') || algorithm.includes('AES256'))) {
      violations.push(`${bucket.address} needs default encryption with aws:kms or AES256, found ${JSON.stringify(algorithms)}`);
    }

    const aborts = companions(bucket, 'aws_s3_bucket_lifecycle_configuration')
      .flatMap((configuration) => nestedBlocksWithDynamic(configuration, 'rule'))
      .flatMap((rule) => nestedBlocks(rule, 'abort_incomplete_multipart_upload'));
    if (aborts.length === 0) {
      violations.push(`${bucket.address} has no lifecycle rule with abort_incomplete_multipart_upload`);
    }
  }
  return buckets.length === 0 ? [noneFound('aws_s3_bucket')] : violations;
};
