-- Grain (service_month, payer). Rates are over adjudicated claims (APPROVED or DENIED); a zero
-- denominator gives null. Money sums are DECIMAL(18,2), per-claim averages DECIMAL(12,2).
SELECT
  CAST(date_trunc('MONTH', service_date) AS DATE) AS service_month,
  payer,
  COUNT(*) AS claim_count,
  COUNT_IF(claim_status = 'APPROVED') AS approved_count,
  COUNT_IF(claim_status = 'DENIED') AS denied_count,
  COUNT_IF(claim_status = 'PENDING') AS pending_count,
  COUNT_IF(claim_status = 'IN_REVIEW') AS in_review_count,
  CAST(SUM(billed_amount) AS DECIMAL(18,2)) AS total_billed_amount,
  CAST(SUM(allowed_amount) AS DECIMAL(18,2)) AS total_allowed_amount,
  CAST(SUM(paid_amount) AS DECIMAL(18,2)) AS total_paid_amount,
  CAST(SUM(billed_amount) / COUNT(*) AS DECIMAL(12,2)) AS avg_billed_amount,
  CAST(SUM(paid_amount) / COUNT(*) AS DECIMAL(12,2)) AS avg_paid_amount,
  CAST(COUNT_IF(claim_status = 'APPROVED') AS DOUBLE)
    / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0) AS approval_rate,
  CAST(COUNT_IF(claim_status = 'DENIED') AS DOUBLE)
    / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0) AS denial_rate,
  AVG(CASE WHEN claim_status IN ('APPROVED', 'DENIED') THEN CAST(processing_days AS DOUBLE) END) AS avg_processing_days,
  COUNT(DISTINCT member_id) AS unique_members,
  COUNT(DISTINCT provider_npi) AS unique_providers
FROM ${claims_clean}
GROUP BY CAST(date_trunc('MONTH', service_date) AS DATE), payer
