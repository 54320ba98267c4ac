resource "aws_appautoscaling_target" "detector" {
  service_namespace  = "ecs"
  resource_id        = local.resource_id
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

# Adds detectors while messages wait. The steps are relative to the alarm threshold:
# up to 4x the threshold adds one task, up to 20x adds two, beyond that four.
resource "aws_appautoscaling_policy" "scale_out" {
  name               = "${var.detector_service_name}-backlog-scale-out"
  policy_type        = "StepScaling"
  service_namespace  = aws_appautoscaling_target.detector.service_namespace
  resource_id        = aws_appautoscaling_target.detector.resource_id
  scalable_dimension = aws_appautoscaling_target.detector.scalable_dimension

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    metric_aggregation_type = "Maximum"
    cooldown                = var.scale_out_cooldown_seconds

    step_adjustment {
      metric_interval_lower_bound = 0
      metric_interval_upper_bound = var.scale_out_pending_threshold * 3
      scaling_adjustment          = 1
    }

    step_adjustment {
      metric_interval_lower_bound = var.scale_out_pending_threshold * 3
      metric_interval_upper_bound = var.scale_out_pending_threshold * 19
      scaling_adjustment          = 2
    }

    step_adjustment {
      metric_interval_lower_bound = var.scale_out_pending_threshold * 19
      scaling_adjustment          = 4
    }
  }
}

# Removes one detector at a time once nothing has been waiting for a while.
resource "aws_appautoscaling_policy" "scale_in" {
  name               = "${var.detector_service_name}-backlog-scale-in"
  policy_type        = "StepScaling"
  service_namespace  = aws_appautoscaling_target.detector.service_namespace
  resource_id        = aws_appautoscaling_target.detector.resource_id
  scalable_dimension = aws_appautoscaling_target.detector.scalable_dimension

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    metric_aggregation_type = "Maximum"
    cooldown                = var.scale_in_cooldown_seconds

    step_adjustment {
      metric_interval_upper_bound = 0
      scaling_adjustment          = -1
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "backlog_high" {
  alarm_name          = "${var.cluster_name}-${var.detector_service_name}-backlog-high"
  alarm_description   = "Messages wait in ${var.stream_name}/${var.consumer_name}; adds detector tasks."
  namespace           = var.metric_namespace
  metric_name         = "jetstream_consumer_num_pending"
  dimensions          = { stream_name = var.stream_name, consumer_name = var.consumer_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.scale_out_pending_threshold
  # Without data nothing is known to wait, so nothing is added.
  treat_missing_data = "notBreaching"
  alarm_actions      = [aws_appautoscaling_policy.scale_out.arn]

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "backlog_empty" {
  alarm_name          = "${var.cluster_name}-${var.detector_service_name}-backlog-empty"
  alarm_description   = "Nothing waits in ${var.stream_name}/${var.consumer_name}; removes detector tasks down to the minimum."
  namespace           = var.metric_namespace
  metric_name         = "jetstream_consumer_num_pending"
  dimensions          = { stream_name = var.stream_name, consumer_name = var.consumer_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = var.scale_in_after_idle_minutes
  comparison_operator = "LessThanOrEqualToThreshold"
  threshold           = 0
  # Missing data must not remove detectors: the exporter may be down while work waits.
  treat_missing_data = "notBreaching"
  alarm_actions      = [aws_appautoscaling_policy.scale_in.arn]

  tags = var.tags
}
