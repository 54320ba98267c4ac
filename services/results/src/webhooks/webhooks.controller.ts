import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';

import { parseListDeliveriesQuery } from './list-deliveries-query.js';
import { ParseWebhookIdPipe } from './parse-webhook-id.pipe.js';
import type { CreatedWebhookView, DeliveryPage, WebhookView } from './webhook-view.js';
import { WebhooksService } from './webhooks.service.js';

@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  register(@Body() body: unknown): Promise<CreatedWebhookView> {
    return this.webhooks.register(body);
  }

  @Get()
  list(): Promise<{ webhooks: WebhookView[] }> {
    return this.webhooks.list();
  }

  @Get(':id')
  get(@Param('id', ParseWebhookIdPipe) id: string): Promise<WebhookView> {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  delete(@Param('id', ParseWebhookIdPipe) id: string): Promise<void> {
    return this.webhooks.delete(id);
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', ParseWebhookIdPipe) id: string, @Query() query: Record<string, unknown>): Promise<DeliveryPage> {
    return this.webhooks.listDeliveries(id, parseListDeliveriesQuery(query));
  }
}
