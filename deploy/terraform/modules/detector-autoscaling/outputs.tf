output "security_group_id" {
  description = "Security group of the metrics task; NATS allows its monitoring port from it."
  value       = aws_security_group.metrics.id
}

output "metric" {
  description = "CloudWatch metric the detector scales on."
  value = {
    namespace  = var.metric_namespace
    name       = "jetstream_consumer_num_pending"
    dimensions = { stream_name = var.stream_name, consumer_name = var.consumer_name }
  }
}

output "scale_out_alarm_name" {
  description = "Alarm that adds detector tasks."
  value       = aws_cloudwatch_metric_alarm.backlog_high.alarm_name
}

output "scale_in_alarm_name" {
  description = "Alarm that removes detector tasks."
  value       = aws_cloudwatch_metric_alarm.backlog_empty.alarm_name
}
