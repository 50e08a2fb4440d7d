-- Grain (provider_npi, payer). Name and specialty are those of the provider's latest claim.
SELECT
  provider_npi,
  max_by(provider_name, struct(service_date, claim_id)) AS provider_name,
  max_by(provider_specialty, struct(service_date, claim_id)) AS provider_specialty,
  payer,
  COUNT(*) AS claim_count,
  COUNT_IF(claim_status = 'APPROVED') AS approved_count,
  COUNT_IF(claim_status = 'DENIED') AS denied_count,
  CAST(SUM(billed_amount) AS DECIMAL(18,2)) AS total_billed_amount,
  CAST(SUM(paid_amount) AS DECIMAL(18,2)) AS total_paid_amount,
  CAST(SUM(billed_amount) / COUNT(*) AS DECIMAL(12,2)) AS avg_billed_amount,
  CAST(SUM(paid_amount) / COUNT(*) AS DECIMAL(12,2)) AS avg_paid_amount,
  CAST(COUNT_IF(claim_status = 'APPROVED') AS DOUBLE)
    / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0) AS approval_rate,
  CAST(COUNT_IF(claim_status = 'DENIED') AS DOUBLE)
    / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0) AS denial_rate,
  AVG(CASE WHEN claim_status IN ('APPROVED', 'DENIED') THEN CAST(processing_days AS DOUBLE) END) AS avg_processing_days,
  COUNT(DISTINCT member_id) AS unique_members,
  MIN(service_date) AS first_service_date,
  MAX(service_date) AS last_service_date
FROM ${claims_clean}
GROUP BY provider_npi, payer
