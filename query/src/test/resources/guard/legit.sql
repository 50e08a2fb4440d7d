# Legitimate queries: each must be accepted by SqlGuard for the role given and must then run on
# Spark against the (empty, then one-row) contract tables. Format: a header line
#   @@ <role> | <description>
# followed by the SQL, up to the next header. Lines starting with '#' before the first header
# are comments. ${snapshot_id} and ${snapshot_ts} are replaced by the test with a real snapshot.

@@ analyst | monthly billed amount per payer with date_trunc
SELECT date_trunc('month', service_date) AS service_month, payer, sum(billed_amount) AS total_billed
FROM healthcare.claims_clean
GROUP BY date_trunc('month', service_date), payer
ORDER BY service_month, payer

@@ analyst | lower-case keywords, ORDER BY alias, ordinal GROUP BY
select payer, count(*) as claims from healthcare.claims_clean group by 1 order by claims desc

@@ analyst | CTE plus window ranking of providers
WITH per_provider AS (
  SELECT provider_npi, provider_name, payer, count(*) AS claims
  FROM healthcare.claims_clean
  GROUP BY provider_npi, provider_name, payer
)
SELECT provider_npi, provider_name, payer, claims,
       rank() OVER (PARTITION BY payer ORDER BY claims DESC) AS rnk
FROM per_provider
ORDER BY payer, rnk

@@ analyst | CASE buckets of billed amounts
SELECT CASE WHEN billed_amount < 100 THEN 'small'
            WHEN billed_amount < 1000 THEN 'medium'
            ELSE 'large' END AS bucket,
       count(*) AS n
FROM healthcare.claims_clean
GROUP BY 1

@@ analyst | time travel by snapshot id
SELECT count(*) AS n FROM healthcare.claims_clean VERSION AS OF ${snapshot_id}

@@ analyst | time travel by timestamp, with alias after the clause
SELECT c.payer, count(*) AS n
FROM healthcare.claims_clean TIMESTAMP AS OF '${snapshot_ts}' AS c
GROUP BY c.payer

@@ analyst | FOR SYSTEM_TIME AS OF
SELECT count(*) FROM healthcare.claims_clean FOR SYSTEM_TIME AS OF '${snapshot_ts}'

@@ analyst | UNION ALL of silver and gold
SELECT payer, 'silver' AS layer, count(*) AS n FROM healthcare.claims_clean GROUP BY payer
UNION ALL
SELECT payer, 'gold' AS layer, sum(claim_count) AS n FROM healthcare_gold.claims_monthly_summary GROUP BY payer
ORDER BY payer, layer

@@ analyst | join gold and silver
SELECT p.provider_name, p.approval_rate, count(c.claim_id) AS recent_claims
FROM healthcare_gold.provider_performance p
JOIN healthcare.claims_clean c ON c.provider_npi = p.provider_npi AND c.payer = p.payer
WHERE c.service_date >= DATE '2025-01-01'
GROUP BY p.provider_name, p.approval_rate

@@ analyst | HAVING with an aggregate
SELECT provider_specialty, avg(processing_days) AS avg_days
FROM healthcare.claims_clean
WHERE processing_days IS NOT NULL
GROUP BY provider_specialty
HAVING count(*) > 10 AND avg(processing_days) > 5

@@ analyst | INTERVAL 30 DAYS relative to current_date
SELECT count(*) AS recent FROM healthcare.claims_clean
WHERE service_date >= current_date - INTERVAL 30 DAYS

@@ analyst | backticked identifiers everywhere
SELECT `c`.`payer`, count(`c`.`claim_id`) AS `Claim Count`
FROM `healthcare`.`claims_clean` `c`
GROUP BY `c`.`payer`
ORDER BY `Claim Count` DESC

@@ business | count of distinct members per payer
SELECT payer, COUNT(DISTINCT member_id) AS members FROM healthcare.claims_clean GROUP BY payer

@@ business | member_id listed as a plain (masked) column
SELECT member_id, billed_amount FROM healthcare.claims_clean

@@ business | gold table summary
SELECT service_month, payer, claim_count, denial_rate
FROM healthcare_gold.claims_monthly_summary
WHERE service_month >= DATE '2024-06-01'
ORDER BY service_month

@@ business | SELECT * on claims_clean (PII columns masked by name)
SELECT * FROM healthcare.claims_clean WHERE payer = 'Aetna'

@@ business | approx_count_distinct of members and aliased masked column
SELECT c.member_id AS member, c.claim_status, approx_count_distinct(c.member_id) OVER (PARTITION BY c.payer) AS payer_members
FROM healthcare.claims_clean c

@@ analyst | denial rate with count_if and nullif
SELECT payer,
       count_if(claim_status = 'DENIED') / nullif(count_if(claim_status IN ('APPROVED', 'DENIED')), 0) AS denial_rate
FROM healthcare.claims_clean
GROUP BY payer

@@ analyst | percentiles of billed amount
SELECT payer, percentile_approx(billed_amount, 0.5) AS median_billed,
       percentile_approx(billed_amount, array(0.9, 0.99)) AS tail
FROM healthcare.claims_clean
GROUP BY payer

@@ analyst | month-over-month trend with lag
SELECT service_month, payer, total_billed_amount,
       total_billed_amount - lag(total_billed_amount, 1) OVER (PARTITION BY payer ORDER BY service_month) AS change
FROM healthcare_gold.claims_monthly_summary

@@ analyst | running total with an explicit frame
SELECT service_month, payer,
       sum(claim_count) OVER (PARTITION BY payer ORDER BY service_month
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_claims
FROM healthcare_gold.claims_monthly_summary

@@ analyst | ntile and dense_rank
SELECT provider_npi, total_billed_amount,
       ntile(4) OVER (ORDER BY total_billed_amount) AS quartile,
       dense_rank() OVER (ORDER BY claim_count DESC) AS volume_rank
FROM healthcare_gold.provider_performance

@@ analyst | quarantine reasons with LATERAL VIEW explode
SELECT reason, count(*) AS rows_failed
FROM healthcare.claims_quarantined LATERAL VIEW explode(reasons) r AS reason
GROUP BY reason
ORDER BY rows_failed DESC

@@ analyst | explode in the select list and array_contains
SELECT payer, explode(reasons) AS reason
FROM healthcare.claims_quarantined
WHERE array_contains(reasons, 'INVALID_NPI') OR size(reasons) > 1

@@ analyst | data quality checks that failed
SELECT batch_id, payer, check_name, failure_rate, threshold
FROM healthcare.data_quality_log
WHERE NOT passed AND severity = 'QUARANTINE'
ORDER BY failure_rate DESC

@@ analyst | raw records by batch with map access
SELECT batch_id, payer, count(*) AS lines, count(record['ClaimID']) AS with_claim_id
FROM healthcare.claims_raw
GROUP BY batch_id, payer

@@ analyst | approval funnel percentages
SELECT stage, stage_order, round(avg(pct_of_submitted), 3) AS avg_pct
FROM healthcare_gold.claims_approval_funnel
GROUP BY stage, stage_order
ORDER BY stage_order

@@ analyst | IN subquery
SELECT claim_id, billed_amount FROM healthcare.claims_clean
WHERE provider_npi IN (SELECT provider_npi FROM healthcare_gold.provider_performance WHERE denial_rate > 0.2)

@@ analyst | correlated EXISTS
SELECT p.provider_npi, p.provider_name FROM healthcare_gold.provider_performance p
WHERE EXISTS (SELECT 1 FROM healthcare.claims_clean c WHERE c.provider_npi = p.provider_npi AND c.claim_status = 'IN_REVIEW')

@@ analyst | scalar subquery
SELECT claim_id, billed_amount,
       billed_amount / (SELECT avg(billed_amount) FROM healthcare.claims_clean) AS vs_average
FROM healthcare.claims_clean

@@ analyst | coalesce, round and greatest
SELECT payer, round(coalesce(avg(paid_amount), 0), 2) AS avg_paid,
       greatest(max(billed_amount), max(allowed_amount)) AS top_amount,
       if(count(*) > 100, 'busy', 'quiet') AS volume, nvl(max(denial_reason), 'none') AS a_reason
FROM healthcare.claims_clean
GROUP BY payer

@@ analyst | calendar parts
SELECT year(service_date) AS y, quarter(service_date) AS q, month(service_date) AS m,
       EXTRACT(YEAR FROM service_date) AS y2, dayofweek(service_date) AS dow, count(*) AS n
FROM healthcare.claims_clean
GROUP BY 1, 2, 3, 4, 5

@@ analyst | date arithmetic
SELECT claim_id, datediff(processed_date, submitted_date) AS days,
       months_between(processed_date, service_date) AS months,
       date_add(service_date, 30) AS due, add_months(service_date, 1) AS next_month,
       last_day(service_date) AS month_end, make_date(2025, 1, 1) AS ref,
       date_format(service_date, 'yyyy-MM') AS ym, to_date('2025-03-01') AS d
FROM healthcare.claims_clean

@@ analyst | string functions
SELECT upper(payer) AS p, concat(provider_name, ' (', provider_specialty, ')') AS label,
       substring(primary_diagnosis, 1, 3) AS dx3, lpad(place_of_service, 2, '0') AS pos,
       split_part(primary_diagnosis, '.', 1) AS dx_head, length(provider_name) AS len,
       regexp_extract(procedure_code, '^([A-Z]?)(\\d+)', 2) AS code_digits, trim(provider_name) AS t,
       replace(provider_name, ',', '') AS clean_name, lower(member_state) || '-x' AS st
FROM healthcare.claims_clean

@@ analyst | LIKE, ILIKE and RLIKE
SELECT claim_id FROM healthcare.claims_clean
WHERE primary_diagnosis LIKE 'E11%' OR provider_name ILIKE '%clinic%' OR procedure_code RLIKE '^G[0-9]{4}$'

@@ analyst | BETWEEN dates and NOT IN list
SELECT claim_id, service_date FROM healthcare.claims_clean
WHERE service_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'
  AND member_state NOT IN ('CA', 'NY')

@@ analyst | CAST and TRY_CAST
SELECT CAST(billed_amount AS DECIMAL(18, 2)) AS billed, TRY_CAST(place_of_service AS INT) AS pos,
       CAST(service_date AS STRING) AS sd, CAST(patient_age AS DOUBLE) / 10 AS decades
FROM healthcare.claims_clean

@@ analyst | GROUPING SETS
SELECT payer, claim_status, count(*) AS n
FROM healthcare.claims_clean
GROUP BY GROUPING SETS ((payer, claim_status), (payer), ())

@@ analyst | ROLLUP
SELECT payer, diagnosis_category, sum(paid_amount) AS paid
FROM healthcare.claims_clean
GROUP BY ROLLUP(payer, diagnosis_category)

@@ analyst | INTERSECT and EXCEPT
SELECT provider_npi FROM healthcare.claims_clean WHERE payer = 'Aetna'
INTERSECT
SELECT provider_npi FROM healthcare.claims_clean WHERE payer = 'BlueCross'
EXCEPT
SELECT provider_npi FROM healthcare_gold.provider_performance WHERE claim_count < 5

@@ analyst | LEFT JOIN with USING
SELECT provider_npi, payer, f.claim_count
FROM healthcare_gold.provider_performance
LEFT JOIN (SELECT provider_npi, payer, count(*) AS claim_count FROM healthcare.claims_clean GROUP BY provider_npi, payer) f
  USING (provider_npi, payer)

@@ analyst | aggregate FILTER clause
SELECT payer, count(*) FILTER (WHERE claim_status = 'APPROVED') AS approved,
       sum(paid_amount) FILTER (WHERE place_of_service = '23') AS er_paid
FROM healthcare.claims_clean
GROUP BY payer

@@ analyst | DISTINCT
SELECT DISTINCT payer, member_state FROM healthcare.claims_clean

@@ analyst | derived table with column aliases
SELECT s.p, s.n FROM (SELECT payer, count(*) FROM healthcare.claims_clean GROUP BY payer) AS s(p, n)
WHERE s.n > 0

@@ analyst | calendar spine with a bounded date sequence
SELECT d.month_start, coalesce(sum(m.claim_count), 0) AS claims
FROM (SELECT explode(sequence(DATE '2024-01-01', DATE '2025-12-01', INTERVAL 1 MONTH)) AS month_start) d
LEFT JOIN healthcare_gold.claims_monthly_summary m ON m.service_month = d.month_start
GROUP BY d.month_start
ORDER BY d.month_start

@@ analyst | higher-order functions with lambdas
SELECT claim_id, transform(reasons, r -> lower(r)) AS lower_reasons,
       filter(reasons, r -> r LIKE 'INVALID%') AS invalid,
       exists(reasons, r -> r = 'MALFORMED_ROW') AS malformed,
       NOT exists(reasons, r -> r = 'INVALID_NPI') AS npi_ok, forall(reasons, r -> length(r) > 3) AS all_long
FROM healthcare.claims_quarantined

@@ analyst | double-quoted string literal (Spark reads it as a string)
SELECT count(*) FROM healthcare.claims_clean WHERE payer = "UnitedHealth"

@@ analyst | LIMIT with OFFSET
SELECT claim_id, billed_amount FROM healthcare.claims_clean ORDER BY billed_amount DESC LIMIT 20 OFFSET 10

@@ analyst | several CTEs that build on each other
WITH monthly AS (
  SELECT date_trunc('month', service_date) AS m, payer, count(*) AS n
  FROM healthcare.claims_clean GROUP BY 1, 2
), ranked AS (
  SELECT m, payer, n, row_number() OVER (PARTITION BY m ORDER BY n DESC) AS rn FROM monthly
)
SELECT m, payer, n FROM ranked WHERE rn = 1

@@ analyst | comments and a trailing semicolon
-- top specialties by paid amount
SELECT provider_specialty, sum(paid_amount) AS paid /* gross */
FROM healthcare.claims_clean
GROUP BY provider_specialty;

@@ analyst | first_value IGNORE NULLS and count over partition
SELECT claim_id, first_value(denial_reason) IGNORE NULLS OVER (PARTITION BY payer ORDER BY service_date) AS first_reason,
       count(*) OVER (PARTITION BY payer) AS payer_claims
FROM healthcare.claims_clean

@@ analyst | unqualified contract table name
SELECT payer, claim_count FROM claims_monthly_summary WHERE claim_count > 0

@@ analyst | catalog-qualified table name
SELECT count(*) FROM lake.healthcare.claims_clean c WHERE c.claim_status = 'PENDING'

@@ analyst | null-safe comparison and IS DISTINCT FROM
SELECT count(*) FROM healthcare.claims_clean
WHERE secondary_diagnosis <=> primary_diagnosis OR denial_reason_code IS DISTINCT FROM '50'

@@ analyst | percentile_cont WITHIN GROUP
SELECT payer, percentile_cont(0.5) WITHIN GROUP (ORDER BY paid_amount) AS median_paid
FROM healthcare.claims_clean
GROUP BY payer

@@ analyst | arithmetic precedence survives re-printing
SELECT claim_id, (billed_amount - paid_amount) * 100 / billed_amount AS unpaid_pct,
       -(allowed_amount - paid_amount) AS neg, billed_amount - -1 AS plus_one, 10 % 3 AS m, 7 DIV 2 AS d
FROM healthcare.claims_clean
WHERE NOT (claim_status = 'DENIED' OR claim_status = 'PENDING') AND (paid_amount > 0 OR allowed_amount > 0)

@@ analyst | year and month as aliases, grouped and sorted by alias
SELECT year(service_date) AS year, month(service_date) AS month, count(*) AS count
FROM healthcare.claims_clean
GROUP BY year, month
ORDER BY year, month

@@ analyst | date differences with a unit keyword
SELECT datediff(DAY, submitted_date, processed_date) AS days,
       timestampdiff(MONTH, service_date, processed_date) AS months,
       timestampadd(WEEK, 2, service_date) AS follow_up
FROM healthcare.claims_clean

@@ analyst | GROUP BY ALL, any_value and HAVING on an alias
SELECT payer, provider_specialty, count(DISTINCT procedure_code) AS codes, any_value(provider_name) AS some_provider
FROM healthcare.claims_clean
GROUP BY ALL
HAVING codes > 3

@@ analyst | self-join to the previous month
SELECT a.payer, a.service_month, a.claim_count, b.claim_count AS previous_month_claims
FROM healthcare_gold.claims_monthly_summary a
LEFT JOIN healthcare_gold.claims_monthly_summary b
  ON a.payer = b.payer AND b.service_month = add_months(a.service_month, -1)

@@ analyst | latest month via a scalar subquery, open claims
SELECT payer, claim_count, claim_count - approved_count - denied_count AS open
FROM healthcare_gold.claims_monthly_summary
WHERE service_month = (SELECT max(service_month) FROM healthcare_gold.claims_monthly_summary)

@@ analyst | lateral column alias
SELECT payer, sum(billed_amount) AS billed, billed / 100 AS hundreds
FROM healthcare.claims_clean
GROUP BY payer
ORDER BY billed DESC

@@ analyst | ORDER BY an aggregate that is not selected
SELECT payer FROM healthcare.claims_clean GROUP BY payer ORDER BY count(*) DESC, payer
