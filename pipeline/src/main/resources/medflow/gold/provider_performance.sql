-- Grain (provider_npi, payer). Metric formulas come from model/…/medflow/metrics.yaml. Name and specialty are those of the provider's latest claim.
SELECT
  provider_npi,
  max_by(provider_name, struct(service_date, claim_id)) AS provider_name,
  max_by(provider_specialty, struct(service_date, claim_id)) AS provider_specialty,
  payer,
  ${metric:claim_count} AS claim_count,
  ${metric:approved_count} AS approved_count,
  ${metric:denied_count} AS denied_count,
  CAST(${metric:total_billed_amount} AS DECIMAL(18,2)) AS total_billed_amount,
  CAST(${metric:total_paid_amount} AS DECIMAL(18,2)) AS total_paid_amount,
  CAST(${metric:avg_billed_amount} AS DECIMAL(12,2)) AS avg_billed_amount,
  CAST(${metric:avg_paid_amount} AS DECIMAL(12,2)) AS avg_paid_amount,
  ${metric:approval_rate} AS approval_rate,
  ${metric:denial_rate} AS denial_rate,
  CAST(${metric:avg_processing_days} AS DOUBLE) AS avg_processing_days,
  ${metric:unique_members} AS unique_members,
  MIN(service_date) AS first_service_date,
  MAX(service_date) AS last_service_date
FROM ${claims_clean}
GROUP BY provider_npi, payer
