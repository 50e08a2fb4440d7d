-- Grain (service_month, payer). Metric formulas come from model/…/medflow/metrics.yaml. Rates are over adjudicated claims (APPROVED or DENIED); a zero
-- denominator gives null. Money sums are DECIMAL(18,2), per-claim averages DECIMAL(12,2).
SELECT
  CAST(date_trunc('MONTH', service_date) AS DATE) AS service_month,
  payer,
  ${metric:claim_count} AS claim_count,
  ${metric:approved_count} AS approved_count,
  ${metric:denied_count} AS denied_count,
  ${metric:pending_count} AS pending_count,
  ${metric:in_review_count} AS in_review_count,
  CAST(${metric:total_billed_amount} AS DECIMAL(18,2)) AS total_billed_amount,
  CAST(${metric:total_allowed_amount} AS DECIMAL(18,2)) AS total_allowed_amount,
  CAST(${metric:total_paid_amount} AS DECIMAL(18,2)) AS total_paid_amount,
  CAST(${metric:avg_billed_amount} AS DECIMAL(12,2)) AS avg_billed_amount,
  CAST(${metric:avg_paid_amount} AS DECIMAL(12,2)) AS avg_paid_amount,
  ${metric:approval_rate} AS approval_rate,
  ${metric:denial_rate} AS denial_rate,
  CAST(${metric:avg_processing_days} AS DOUBLE) AS avg_processing_days,
  ${metric:unique_members} AS unique_members,
  ${metric:unique_providers} AS unique_providers
FROM ${claims_clean}
GROUP BY CAST(date_trunc('MONTH', service_date) AS DATE), payer
