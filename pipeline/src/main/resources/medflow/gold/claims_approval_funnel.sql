-- Grain (service_month, payer, stage). SUBMITTED = all claims, ADJUDICATED = approved or denied,
-- APPROVED, PAID = approved with paid_amount > 0. pct_of_previous is 1.0 for SUBMITTED.
WITH monthly AS (
  SELECT
    CAST(date_trunc('MONTH', service_date) AS DATE) AS service_month,
    payer,
    ${metric:claim_count} AS submitted,
    ${metric:adjudicated_count} AS adjudicated,
    ${metric:approved_count} AS approved,
    COUNT_IF(claim_status = 'APPROVED' AND paid_amount > 0) AS paid
  FROM ${claims_clean}
  GROUP BY CAST(date_trunc('MONTH', service_date) AS DATE), payer
),
stages AS (
  SELECT service_month, payer, 'SUBMITTED' AS stage, 1 AS stage_order, submitted AS claim_count, submitted, submitted AS previous FROM monthly
  UNION ALL
  SELECT service_month, payer, 'ADJUDICATED', 2, adjudicated, submitted, submitted FROM monthly
  UNION ALL
  SELECT service_month, payer, 'APPROVED', 3, approved, submitted, adjudicated FROM monthly
  UNION ALL
  SELECT service_month, payer, 'PAID', 4, paid, submitted, approved FROM monthly
)
SELECT
  service_month,
  payer,
  stage,
  CAST(stage_order AS INT) AS stage_order,
  CAST(claim_count AS BIGINT) AS claim_count,
  CAST(claim_count AS DOUBLE) / NULLIF(submitted, 0) AS pct_of_submitted,
  CASE WHEN stage_order = 1 THEN 1.0D ELSE CAST(claim_count AS DOUBLE) / NULLIF(previous, 0) END AS pct_of_previous
FROM stages
