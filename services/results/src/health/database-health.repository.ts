import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseHealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `select 1`, rejecting with the driver's error when PostgreSQL does not respond. */
  async ping(): Promise<void> {
    await this.dataSource.query('select 1');
  }
}
