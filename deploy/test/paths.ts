import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The deploy/ folder, found from this file so tests run from any working directory. */
export const DEPLOY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = join(DEPLOY_DIR, '..');
export const TERRAFORM_DIR = join(DEPLOY_DIR, 'terraform');
export const MODULES_DIR = join(TERRAFORM_DIR, 'modules');
export const EXAMPLE_DIR = join(TERRAFORM_DIR, 'environments', 'example');
export const FIXTURES_DIR = join(DEPLOY_DIR, 'test', 'fixtures');
