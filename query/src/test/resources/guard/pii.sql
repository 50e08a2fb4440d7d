# Personal-data extraction attempts by the business role. Each entry is either refused with
# PII_NOT_ALLOWED and a message naming the column, or accepted with exactly the given output columns
# masked (on top of the PII column names, which are always masked for business). Format:
#   @@ refused | <column named in the message> | <description>
#   @@ masked | <output columns masked, space separated> | <description>
#   @@ everyone | <RefusalCode> | <description>: refused for every role, with that code (unsupported forms)
# followed by the SQL up to the next header. Analysts and admins run every other entry unrestricted.
# (guard/hostile.sql holds the first 30 PII refusals; these are the forms it does not.)

# ---------------------------------------------------------------- filters
@@ refused | member_id | lower() in a LIKE filter
SELECT count(*) FROM healthcare.claims_clean WHERE lower(member_id) LIKE 'w21%'

@@ refused | patient_birth_date | birth date cast to a string
SELECT count(*) FROM healthcare.claims_clean WHERE CAST(patient_birth_date AS STRING) = '1961-06-20'

@@ refused | patient_birth_date | extract(YEAR FROM ...)
SELECT count(*) FROM healthcare.claims_clean WHERE extract(YEAR FROM patient_birth_date) = 1961

@@ refused | patient_birth_date | date_format of the birth date
SELECT count(*) FROM healthcare.claims_clean WHERE date_format(patient_birth_date, 'yyyy') = '1961'

@@ refused | member_id | CASE in a filter
SELECT count(*) FROM healthcare.claims_clean WHERE CASE WHEN member_id = 'W216630973' THEN 1 ELSE 0 END = 1

@@ refused | member_id | tuple IN
SELECT count(*) FROM healthcare.claims_clean WHERE (member_id, payer) IN (('W216630973', 'Aetna'))

@@ refused | member_id | correlated EXISTS
SELECT count(*) FROM healthcare.claims_clean c WHERE EXISTS (SELECT 1 FROM healthcare.claims_clean d WHERE d.member_id = 'W216630973' AND d.claim_id = c.claim_id)

@@ refused | member_id | a lambda that reads the column
SELECT count(*) FROM healthcare.claims_clean WHERE exists(array(1), x -> member_id = 'W216630973')

@@ refused | member_id | array_contains over an array of the column
SELECT count(*) FROM healthcare.claims_clean WHERE array_contains(array(member_id), 'W216630973')

@@ refused | member_id | regular expression
SELECT count(*) FROM healthcare.claims_clean WHERE member_id RLIKE '^W2'

@@ refused | patient_birth_date | date arithmetic
SELECT count(*) FROM healthcare.claims_clean WHERE date_add(patient_birth_date, 1) = DATE '1961-06-21'

@@ refused | member_id | coalesce
SELECT count(*) FROM healthcare.claims_clean WHERE coalesce(member_id, '') = 'W216630973'

@@ everyone | TOO_COMPLEX | QUALIFY on a window over the member
SELECT claim_id FROM healthcare.claims_clean QUALIFY row_number() OVER (PARTITION BY member_id ORDER BY claim_id) = 1

@@ refused | member_id | HAVING count_if on the member
SELECT payer FROM healthcare.claims_clean GROUP BY payer HAVING count_if(member_id = 'W216630973') > 0

@@ refused | member_id | count over a CASE on the member, as an oracle
SELECT count(DISTINCT CASE WHEN member_id = 'W216630973' THEN claim_id END) AS hits FROM healthcare.claims_clean

# ---------------------------------------------------------------- joins
@@ everyone | TOO_COMPLEX | NATURAL JOIN joins on member_id too
SELECT count(*) FROM healthcare.claims_clean a NATURAL JOIN healthcare.claims_clean b

@@ refused | member_id | join to a literal list of members
SELECT count(*) FROM healthcare.claims_clean c JOIN (SELECT 'W216630973' AS m) q ON c.member_id = q.m

@@ refused | member_id | self-join on an expression of the member
SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON concat(a.member_id, '') = b.member_id

@@ refused | member_id | join on a substring
SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON a.claim_id = b.claim_id AND substr(a.member_id, 1, 1) = 'W'

@@ refused | patient_birth_date | self-join on the birth date
SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON a.patient_birth_date = b.patient_birth_date

# ---------------------------------------------------------------- grouping and ordering
@@ refused | member_id | GROUP BY ROLLUP
SELECT payer, count(*) FROM healthcare.claims_clean GROUP BY ROLLUP (payer, member_id)

@@ refused | member_id | GROUP BY GROUPING SETS
SELECT payer, count(*) FROM healthcare.claims_clean GROUP BY GROUPING SETS ((payer), (member_id))

@@ refused | patient_birth_date | group by the birth year
SELECT count(*) FROM healthcare.claims_clean GROUP BY year(patient_birth_date)

@@ refused | member_id | SELECT DISTINCT is a grouping
SELECT DISTINCT member_id FROM healthcare.claims_clean

@@ refused | patient_birth_date | SELECT DISTINCT with other columns
SELECT DISTINCT payer, patient_birth_date FROM healthcare.claims_clean

@@ refused | member_id | ORDER BY an expression
SELECT claim_id FROM healthcare.claims_clean ORDER BY length(member_id) DESC

@@ refused | patient_birth_date | window ORDER BY the birth date
SELECT claim_id, row_number() OVER (ORDER BY patient_birth_date) AS r FROM healthcare.claims_clean

@@ refused | member_id | ORDER BY a star ordinal
SELECT * FROM healthcare.claims_clean ORDER BY 3

@@ refused | member_id | sort by a masked column of the star
SELECT * FROM healthcare.claims_clean ORDER BY member_id

@@ refused | member_id | SELECT DISTINCT * groups by the masked columns
SELECT DISTINCT * FROM healthcare.claims_clean

@@ refused | patient_birth_date | ORDER BY a star ordinal that is the birth date
SELECT * FROM healthcare.claims_clean WHERE payer = 'Aetna' ORDER BY 4

@@ refused | member_id | the member among other grouping columns
SELECT payer, count(*) AS n FROM healthcare.claims_clean GROUP BY payer, claim_id, member_id

@@ refused | member_id | a filter on another column through a subquery on the member
SELECT count(*) FROM healthcare.claims_clean WHERE payer IN (SELECT payer FROM healthcare.claims_clean WHERE member_id = 'W216630973')

# ---------------------------------------------------------------- transformed in the SELECT list
@@ refused | member_id | upper
SELECT upper(member_id) AS m FROM healthcare.claims_clean

@@ refused | member_id | string concatenation with ||
SELECT member_id || '' AS m FROM healthcare.claims_clean

@@ refused | patient_birth_date | birth date cast to a string
SELECT CAST(patient_birth_date AS STRING) AS b FROM healthcare.claims_clean

@@ refused | member_id | collect_list
SELECT payer, collect_list(member_id) AS members FROM healthcare.claims_clean GROUP BY payer

@@ refused | member_id | collect_set
SELECT collect_set(member_id) AS members FROM healthcare.claims_clean

@@ refused | member_id | max_by ordered by the member
SELECT max_by(claim_id, member_id) AS c FROM healthcare.claims_clean

@@ refused | member_id | first()
SELECT first(member_id) AS m FROM healthcare.claims_clean

@@ everyone | FORBIDDEN_FUNCTION | struct of the column
SELECT struct(member_id) AS s FROM healthcare.claims_clean

@@ everyone | FORBIDDEN_FUNCTION | named_struct
SELECT named_struct('m', member_id) AS s FROM healthcare.claims_clean

@@ refused | member_id | array of the column
SELECT array(member_id) AS a FROM healthcare.claims_clean

@@ everyone | FORBIDDEN_FUNCTION | to_json(struct(*))
SELECT to_json(struct(*)) AS j FROM healthcare.claims_clean

@@ everyone | FORBIDDEN_FUNCTION | a hash is still derived from the value
SELECT sha2(member_id, 256) AS h FROM healthcare.claims_clean

@@ refused | member_id | CASE in the SELECT list
SELECT CASE WHEN member_id > 'M' THEN 'late' ELSE 'early' END AS half FROM healthcare.claims_clean

@@ refused | member_id | transform lambda capturing the column
SELECT transform(array(1), x -> member_id) AS a FROM healthcare.claims_clean

@@ refused | patient_birth_date | birth date plus a day
SELECT date_add(patient_birth_date, 0) AS b FROM healthcare.claims_clean

@@ refused | member_id | correlated scalar subquery counting claims per member
SELECT claim_id, (SELECT count(*) FROM healthcare.claims_clean d WHERE d.member_id = c.member_id) AS n FROM healthcare.claims_clean c

@@ refused | member_id | LATERAL VIEW explode over the column
SELECT m FROM healthcare.claims_clean LATERAL VIEW explode(array(member_id)) t AS m

@@ refused | member_id | nullif
SELECT nullif(member_id, 'W216630973') AS m FROM healthcare.claims_clean

@@ refused | member_id | if()
SELECT if(member_id = 'W216630973', 1, 0) AS hit FROM healthcare.claims_clean

# ---------------------------------------------------------------- subqueries, CTEs, set operations
@@ refused | member_id | CTE re-aliasing the column, then filtering
WITH m AS (SELECT member_id AS k FROM healthcare.claims_clean) SELECT count(*) FROM m WHERE k = 'W216630973'

@@ refused | member_id | CTE column list re-aliasing the column
WITH m(k) AS (SELECT member_id FROM healthcare.claims_clean) SELECT k FROM m

@@ refused | member_id | nested CTEs
WITH a AS (SELECT member_id FROM healthcare.claims_clean), b AS (SELECT member_id AS z FROM a) SELECT z FROM b

@@ refused | member_id | INTERSECT with a literal is a membership oracle
SELECT member_id FROM healthcare.claims_clean INTERSECT SELECT 'W216630973'

@@ refused | member_id | EXCEPT
SELECT 'W216630973' AS m EXCEPT SELECT member_id FROM healthcare.claims_clean

@@ refused | member_id | UNION (distinct)
SELECT member_id FROM healthcare.claims_clean UNION SELECT 'W216630973'

@@ refused | member_id | ORDER BY over a set operation
(SELECT claim_id, member_id FROM healthcare.claims_clean) UNION ALL (SELECT claim_id, member_id FROM healthcare.claims_clean) ORDER BY member_id

# ---------------------------------------------------------------- listed as a plain column: masked
@@ masked | member_id | a plain column
SELECT member_id, billed_amount FROM healthcare.claims_clean

@@ masked | member_id | upper-case name
SELECT MEMBER_ID FROM healthcare.claims_clean

@@ masked | member_id | back-quoted and qualified
SELECT c.`member_id` FROM healthcare.claims_clean c

@@ masked | payer claim_id | aliases swapped to hide the column under another's name
SELECT member_id AS payer, patient_birth_date AS claim_id FROM healthcare.claims_clean

@@ masked | member_id patient_birth_date | star
SELECT * FROM healthcare.claims_clean

@@ masked | member_id | both sides of a self-join on the claim
SELECT a.member_id, b.member_id FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON a.claim_id = b.claim_id AND a.payer = b.payer

@@ masked | member_id | paging through members ordered by something else
SELECT member_id FROM healthcare.claims_clean ORDER BY claim_id LIMIT 5 OFFSET 10

@@ masked | member_id | a window over everything beside the masked column
SELECT member_id, count(*) OVER () AS total FROM healthcare.claims_clean

@@ masked | - | counting members is allowed
SELECT payer, count(DISTINCT member_id) AS members, approx_count_distinct(patient_birth_date) AS birthdays FROM healthcare.claims_clean GROUP BY payer
