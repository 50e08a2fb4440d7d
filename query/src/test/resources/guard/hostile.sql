# Hostile SQL: each entry must be refused by SqlGuard with the given code, and the refusal message
# must contain the given text (case-insensitive; "-" for no check). Format:
#   @@ <RefusalCode> | <role> | <text in message> | <description>
# followed by the SQL up to the next header. {U+XXXX} stands for that character.

# ---------------------------------------------------------------- DDL
@@ NOT_A_QUERY | analyst | DROP | drop a contract table
DROP TABLE healthcare.claims_clean

@@ NOT_A_QUERY | admin | DROP | drop with IF EXISTS and PURGE, even for admin
DROP TABLE IF EXISTS healthcare_gold.provider_performance PURGE

@@ NOT_A_QUERY | analyst | CREATE | create table as select
CREATE TABLE healthcare.copy AS SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | ALTER | alter table
ALTER TABLE healthcare.claims_clean ADD COLUMN notes STRING

@@ NOT_A_QUERY | analyst | TRUNCATE | truncate
TRUNCATE TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | CREATE | temporary view
CREATE OR REPLACE TEMPORARY VIEW v AS SELECT member_id FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | CREATE | temporary function from a jar
CREATE TEMPORARY FUNCTION evil AS 'com.evil.Udf' USING JAR '/tmp/evil.jar'

@@ NOT_A_QUERY | analyst | ANALYZE | analyze table
ANALYZE TABLE healthcare.claims_clean COMPUTE STATISTICS

@@ NOT_A_QUERY | analyst | MSCK | repair table
MSCK REPAIR TABLE healthcare.claims_raw

@@ NOT_A_QUERY | analyst | GRANT | grant
GRANT SELECT ON healthcare.claims_clean TO someone

# ---------------------------------------------------------------- DML
@@ NOT_A_QUERY | analyst | INSERT | insert select
INSERT INTO healthcare.claims_clean SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | INSERT | insert overwrite table
INSERT OVERWRITE TABLE healthcare.claims_clean SELECT * FROM healthcare.claims_clean WHERE 1 = 0

@@ NOT_A_QUERY | analyst | INSERT | insert overwrite directory (exfiltration to the file system)
INSERT OVERWRITE DIRECTORY '/tmp/exfil' USING csv SELECT member_id, patient_birth_date FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | UPDATE | update
UPDATE healthcare.claims_clean SET paid_amount = 0 WHERE payer = 'Aetna'

@@ NOT_A_QUERY | analyst | DELETE | delete
DELETE FROM healthcare.claims_clean WHERE 1 = 1

@@ NOT_A_QUERY | analyst | MERGE | merge
MERGE INTO healthcare.claims_clean t USING healthcare.claims_clean s ON t.claim_id = s.claim_id
WHEN MATCHED THEN DELETE

@@ NOT_A_QUERY | analyst | FROM | Hive multi-insert starting with FROM
FROM healthcare.claims_clean INSERT INTO healthcare.claims_raw SELECT payer, source_file

@@ NOT_A_QUERY | analyst | WITH clause may only define SELECT | data-modifying CTE
WITH gone AS (DELETE FROM healthcare.claims_clean RETURNING *) SELECT count(*) FROM gone

@@ PARSE_ERROR | analyst | - | DELETE in parentheses
(DELETE FROM healthcare.claims_clean)

@@ NOT_A_QUERY | analyst | DELETE | DELETE after a harmless CTE
WITH x AS (SELECT 1 AS a) DELETE FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | INSERT | INSERT after a CTE
WITH x AS (SELECT 1 AS a) INSERT INTO healthcare.claims_raw (payer) SELECT 'x' FROM x

@@ PARSE_ERROR | analyst | DROP | statement after a line comment ended by a lone carriage return
SELECT 1 AS a -- x{U+000D}DROP TABLE healthcare.claims_clean

# ---------------------------------------------------------------- procedures and session
@@ NOT_A_QUERY | admin | CALL | Iceberg rollback procedure
CALL lake.system.rollback_to_snapshot('healthcare.claims_clean', 1)

@@ NOT_A_QUERY | admin | CALL | Iceberg expire snapshots procedure
CALL lake.system.expire_snapshots(table => 'healthcare.claims_clean', older_than => TIMESTAMP '2030-01-01 00:00:00')

@@ NOT_A_QUERY | analyst | EXEC | EXEC with a string (dbhub #349 style)
EXEC('DELETE FROM healthcare.claims_clean')

@@ NOT_A_QUERY | analyst | EXECUTE | EXECUTE IMMEDIATE
EXECUTE IMMEDIATE 'DROP TABLE healthcare.claims_clean'

@@ NOT_A_QUERY | analyst | SET | change a Spark setting
SET spark.sql.ansi.enabled = false

@@ NOT_A_QUERY | analyst | SET | register a rogue catalog
SET spark.sql.catalog.evil = org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog

@@ NOT_A_QUERY | analyst | RESET | reset settings
RESET

@@ NOT_A_QUERY | analyst | USE | switch namespace
USE healthcare

@@ NOT_A_QUERY | analyst | SHOW | list tables
SHOW TABLES

@@ NOT_A_QUERY | analyst | SHOW | show create table
SHOW CREATE TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | DESCRIBE | describe
DESCRIBE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | DESC | desc extended
DESC EXTENDED healthcare.claims_clean

@@ NOT_A_QUERY | analyst | EXPLAIN | explain
EXPLAIN SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | EXPLAIN | explain extended
EXPLAIN EXTENDED SELECT member_id FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | CACHE | cache table
CACHE TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | CACHE | cache lazy table as select
CACHE LAZY TABLE c AS SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | UNCACHE | uncache
UNCACHE TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | REFRESH | refresh
REFRESH TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | ADD | add jar
ADD JAR /tmp/evil.jar

@@ NOT_A_QUERY | analyst | ADD | add file
ADD FILE /etc/passwd

@@ NOT_A_QUERY | analyst | LOCK | lock table
LOCK TABLE healthcare.claims_clean IN EXCLUSIVE MODE

@@ NOT_A_QUERY | analyst | FOR UPDATE | select for update locks rows
SELECT claim_id FROM healthcare.claims_clean FOR UPDATE

@@ NOT_A_QUERY | analyst | VALUES | bare VALUES
VALUES (1), (2)

@@ NOT_A_QUERY | analyst | VALUES | inline VALUES table
SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)

@@ NOT_A_QUERY | analyst | DROP | comment before a DROP
/* monthly report */ DROP TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | DELETE | line comment before a DELETE, lower case
-- just a select
delete from healthcare.claims_clean

@@ NOT_A_QUERY | analyst | SEL | keyword split by a comment
SEL/**/ECT * FROM healthcare.claims_clean

# ---------------------------------------------------------------- stacked statements
@@ MULTIPLE_STATEMENTS | analyst | DROP | drop after a semicolon
SELECT 1; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DELETE | delete after a query
SELECT payer FROM healthcare.claims_clean; DELETE FROM healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DROP | drop after a block comment and a semicolon
SELECT * FROM healthcare.claims_clean /* harmless */; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | ADD | add jar after a line comment
SELECT 1 -- report
; ADD JAR /tmp/evil.jar

@@ MULTIPLE_STATEMENTS | analyst | SET | set on the next line
SELECT 1;
SET spark.sql.ansi.enabled=false

@@ MULTIPLE_STATEMENTS | analyst | CACHE | statement the parser does not know
SELECT 1; CACHE TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | admin | CALL | call hidden after an empty comment
SELECT 1;/**/CALL lake.system.rollback_to_snapshot('healthcare.claims_clean', 1)

@@ MULTIPLE_STATEMENTS | analyst | DROP | doubled quote inside a string, then a statement
SELECT 'it''s fine'; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DROP | escaped backslash closes the string, the rest is a statement
SELECT 'a\\'; DROP TABLE healthcare.claims_clean; --'

@@ MULTIPLE_STATEMENTS | analyst | DROP | semicolon inside a double-quoted string, then a real one
SELECT "a;b" AS x; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | INSERT | two queries, the second writes
SELECT 1; INSERT INTO healthcare.claims_raw (payer) VALUES ('x')

# ---------------------------------------------------------------- SELECT INTO
@@ INTO_NOT_ALLOWED | analyst | INTO | select into a table
SELECT * INTO healthcare.claims_copy FROM healthcare.claims_clean

@@ INTO_NOT_ALLOWED | analyst | INTO | select into a temporary table
SELECT member_id INTO #tmp FROM healthcare.claims_clean

# ---------------------------------------------------------------- functions
@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect into java.lang.Runtime
SELECT reflect('java.lang.Runtime', 'exec', 'id')

@@ FORBIDDEN_FUNCTION | analyst | java_method | java_method reads the environment
SELECT java_method('java.lang.System', 'getenv', 'AWS_SECRET_ACCESS_KEY')

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect nested in an allowed function
SELECT upper(reflect('java.lang.System', 'getProperty', 'user.home')) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | reflect | backticked function name
SELECT `reflect`('java.lang.Thread', 'sleep', 100000)

@@ FORBIDDEN_FUNCTION | analyst | try_reflect | try_reflect
SELECT try_reflect('java.net.InetAddress', 'getByName', 'evil.example')

@@ FORBIDDEN_FUNCTION | analyst | input_file_name | storage paths
SELECT input_file_name(), payer FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | read_files | read_files table function
SELECT * FROM read_files('/etc/passwd', format => 'text')

@@ FORBIDDEN_FUNCTION | analyst | range | range table function
SELECT * FROM range(1000000000)

@@ FORBIDDEN_FUNCTION | analyst | explode | generator as a table function
SELECT * FROM healthcare.claims_clean, explode(sequence(1, 100000))

@@ FORBIDDEN_FUNCTION | analyst | IDENTIFIER | IDENTIFIER clause builds table names from strings
SELECT * FROM IDENTIFIER('healthcare.claims_raw')

@@ FORBIDDEN_FUNCTION | analyst | sequence | huge sequence
SELECT explode(sequence(1, 1000000000))

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence with a computed bound
SELECT explode(sequence(1, max(source_line))) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | repeat | huge repeat
SELECT repeat('x', 2000000000)

@@ FORBIDDEN_FUNCTION | analyst | lpad | huge padding
SELECT lpad(payer, 1000000000, 'x') FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | space | space
SELECT space(1000000000)

@@ FORBIDDEN_FUNCTION | analyst | array_repeat | array_repeat
SELECT explode(array_repeat(1, 100000000))

@@ FORBIDDEN_FUNCTION | analyst | percentile_approx | unbounded percentile accuracy
SELECT percentile_approx(billed_amount, 0.5, 1000000000) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | to_json | whole rows serialized
SELECT to_json(struct(*)) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | struct | star inside struct
SELECT struct(*) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | * inside | star inside an allowed function
SELECT concat(*) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | evil_udf | unknown user-defined function
SELECT evil_udf(payer) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | lake.system | qualified function
SELECT lake.system.my_udf(1)

@@ FORBIDDEN_FUNCTION | analyst | current_user | session details
SELECT current_user()

@@ FORBIDDEN_FUNCTION | analyst | sha2 | hashing personal data
SELECT sha2(member_id, 256) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | json_tuple | json_tuple lateral view
SELECT j.a FROM healthcare.claims_quarantined LATERAL VIEW json_tuple(raw_line, 'a') j AS a

@@ FORBIDDEN_FUNCTION | analyst | aggregate | aggregate over a generated array
SELECT aggregate(sequence(1, 5000), 0, (acc, x) -> acc + x)

@@ FORBIDDEN_FUNCTION | analyst | exponential | catastrophic backtracking in regexp_extract
SELECT regexp_extract(provider_name, '(a+)+$', 0) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | exponential | catastrophic backtracking in RLIKE
SELECT claim_id FROM healthcare.claims_clean WHERE provider_name RLIKE '(x|xx)*y'

@@ FORBIDDEN_FUNCTION | analyst | string literal | regex built from a column
SELECT claim_id FROM healthcare.claims_clean WHERE provider_name RLIKE provider_specialty

@@ FORBIDDEN_FUNCTION | analyst | raise_error | error on purpose
SELECT raise_error('boom')

# ---------------------------------------------------------------- tables
@@ METADATA_TABLE | analyst | snapshots | Iceberg snapshots table
SELECT * FROM healthcare.claims_clean.snapshots

@@ METADATA_TABLE | analyst | files | Iceberg files table with catalog
SELECT file_path FROM lake.healthcare.claims_clean.files

@@ METADATA_TABLE | analyst | history | Iceberg history
SELECT * FROM healthcare.claims_clean.history

@@ METADATA_TABLE | analyst | manifests | Iceberg manifests
SELECT * FROM healthcare_gold.provider_performance.manifests

@@ METADATA_TABLE | analyst | refs | Iceberg refs
SELECT * FROM healthcare.claims_clean.refs

@@ METADATA_TABLE | analyst | branch_audit | unpublished write-audit-publish branch
SELECT * FROM healthcare.claims_clean.branch_audit_20250101

@@ METADATA_TABLE | analyst | tag_ | Iceberg tag
SELECT * FROM healthcare.claims_clean.tag_v1

@@ METADATA_TABLE | analyst | snapshots | metadata table of an unqualified table
SELECT * FROM claims_clean.snapshots

@@ METADATA_TABLE | analyst | snapshots | metadata table with time travel
SELECT * FROM healthcare.claims_clean.snapshots VERSION AS OF 1

@@ METADATA_TABLE | analyst | branch_x | branch of a gold table with the catalog prefix
SELECT * FROM lake.healthcare_gold.provider_performance.branch_x

@@ METADATA_TABLE | analyst | snapshots | metadata table hidden in one backticked part
SELECT * FROM `healthcare`.`claims_clean.snapshots`

@@ FORBIDDEN_FUNCTION | analyst | sequence | two centuries of days
SELECT explode(sequence(DATE '1900-01-01', DATE '2100-01-01'))

@@ METADATA_TABLE | analyst | information_schema | information_schema
SELECT * FROM information_schema.tables

@@ METADATA_TABLE | analyst | information_schema | catalog information_schema
SELECT * FROM lake.information_schema.columns

@@ METADATA_TABLE | admin | system | system namespace
SELECT * FROM system.procedures

@@ UNKNOWN_TABLE | analyst | path | parquet file by path
SELECT * FROM parquet.`/etc`

@@ UNKNOWN_TABLE | analyst | json | json file by path
SELECT * FROM json.`/tmp/upload.json`

@@ UNKNOWN_TABLE | analyst | path | file URI
SELECT * FROM delta.`file:///var/lib/medflow/warehouse/healthcare/claims_clean`

@@ UNKNOWN_TABLE | analyst | spark_catalog | session catalog
SELECT * FROM spark_catalog.default.users

@@ UNKNOWN_TABLE | analyst | other_catalog | another catalog
SELECT * FROM other_catalog.healthcare.claims_clean

@@ UNKNOWN_TABLE | analyst | claims_cleaned | misspelled table
SELECT * FROM healthcare.claims_cleaned

@@ UNKNOWN_TABLE | analyst | patients | invented table
SELECT patient_name FROM healthcare.patients

@@ UNKNOWN_TABLE | analyst | not a valid table name | homoglyph table name (Cyrillic es)
SELECT * FROM healthcare.claims_{U+0441}lean

@@ TABLE_NOT_ALLOWED | business | claims_raw | business reads bronze
SELECT * FROM healthcare.claims_raw

@@ TABLE_NOT_ALLOWED | business | claims_quarantined | business reads quarantine
SELECT payer, count(*) FROM healthcare.claims_quarantined GROUP BY payer

@@ TABLE_NOT_ALLOWED | business | data_quality_log | business reads the quality log
SELECT * FROM healthcare.data_quality_log

@@ TABLE_NOT_ALLOWED | business | claims_raw | forbidden table in a subquery
SELECT payer FROM healthcare_gold.claims_monthly_summary
WHERE payer IN (SELECT payer FROM healthcare.claims_raw)

@@ TABLE_NOT_ALLOWED | business | claims_quarantined | forbidden table in a CTE
WITH q AS (SELECT claim_id FROM healthcare.claims_quarantined) SELECT count(*) FROM q

@@ TABLE_NOT_ALLOWED | business | claims_raw | forbidden table in EXISTS
SELECT count(*) FROM healthcare.claims_clean c WHERE EXISTS (SELECT 1 FROM claims_raw r WHERE r.payer = c.payer)

@@ TABLE_NOT_ALLOWED | business | claims_raw | forbidden table in a union branch
SELECT payer FROM healthcare.claims_clean UNION ALL SELECT raw_line FROM lake.healthcare.claims_raw

# ---------------------------------------------------------------- personal data (business)
@@ PII_NOT_ALLOWED | business | member_id | filter on member_id
SELECT claim_id, billed_amount FROM healthcare.claims_clean WHERE member_id = 'BCM100234871'

@@ PII_NOT_ALLOWED | business | member_id | upper(member_id)
SELECT upper(member_id) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | patient_birth_date | year of birth
SELECT year(patient_birth_date) AS birth_year, count(*) FROM healthcare.claims_clean GROUP BY 1

@@ PII_NOT_ALLOWED | business | member_id | CTE leaking member_id
WITH m AS (SELECT member_id, billed_amount FROM healthcare.claims_clean) SELECT count(*) FROM m

@@ PII_NOT_ALLOWED | business | member_id | ORDER BY member_id
SELECT member_id, billed_amount FROM healthcare.claims_clean ORDER BY member_id

@@ PII_NOT_ALLOWED | business | member_id | GROUP BY member_id
SELECT member_id, sum(billed_amount) FROM healthcare.claims_clean GROUP BY member_id

@@ PII_NOT_ALLOWED | business | member_id | concat
SELECT concat('id:', member_id) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | star in a subquery
SELECT t.* FROM (SELECT * FROM healthcare.claims_clean) t

@@ PII_NOT_ALLOWED | business | member_id | self-join on member_id
SELECT a.claim_id FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON a.member_id = b.member_id

@@ PII_NOT_ALLOWED | business | member_id | JOIN USING member_id
SELECT a.claim_id FROM healthcare.claims_clean a JOIN healthcare.claims_clean b USING (member_id)

@@ PII_NOT_ALLOWED | business | member_id | substring
SELECT substring(member_id, 1, 3) AS prefix FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | a filter smuggled into count
SELECT count(CASE WHEN member_id LIKE 'BCM%' THEN 1 END) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | min(member_id) reveals a value
SELECT min(member_id) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | window partitioned by member
SELECT claim_id, count(*) OVER (PARTITION BY member_id) AS claims_of_member FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | HAVING on member
SELECT payer FROM healthcare.claims_clean GROUP BY payer HAVING max(member_id) > 'M'

@@ PII_NOT_ALLOWED | business | member_id | member_id hidden in the second branch of a union
SELECT payer FROM healthcare.claims_clean UNION ALL SELECT member_id FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | ORDER BY ordinal pointing at member_id
SELECT member_id, claim_id FROM healthcare.claims_clean ORDER BY 1

@@ PII_NOT_ALLOWED | business | member_id | GROUP BY ALL groups by member_id
SELECT member_id, count(*) FROM healthcare.claims_clean GROUP BY ALL

@@ PII_NOT_ALLOWED | business | member_id | alias trick in ORDER BY
SELECT member_id AS m, claim_id FROM healthcare.claims_clean ORDER BY m

@@ PII_NOT_ALLOWED | business | member_id | alias reused in the same SELECT list
SELECT member_id AS m, length(m) AS len FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | patient_birth_date | age computed from birth date
SELECT datediff(current_date, patient_birth_date) / 365 AS age FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | scalar subquery
SELECT (SELECT max(member_id) FROM healthcare.claims_clean) AS m

@@ PII_NOT_ALLOWED | business | patient_birth_date | range filter on birth date
SELECT count(*) FROM healthcare.claims_clean WHERE patient_birth_date BETWEEN DATE '1960-01-01' AND DATE '1960-12-31'

@@ PII_NOT_ALLOWED | business | member_id | cast
SELECT CAST(member_id AS STRING) AS m FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | FILTER clause on a count
SELECT count(DISTINCT member_id) FILTER (WHERE member_id LIKE 'A%') FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | IN subquery selecting members
SELECT count(*) FROM healthcare.claims_clean WHERE member_id IN (SELECT member_id FROM healthcare.claims_clean WHERE payer = 'Aetna')

@@ PII_NOT_ALLOWED | business | member_id | column list of a subquery alias
SELECT x FROM (SELECT member_id FROM healthcare.claims_clean) s(x)

@@ PII_NOT_ALLOWED | business | member_id | quoted identifier variant
SELECT `MEMBER_ID` || '' FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | GROUP BY ordinal pointing at member_id
SELECT member_id, count(*) FROM healthcare.claims_clean GROUP BY 1

@@ PII_NOT_ALLOWED | business | member_id | star in both branches of a union
SELECT * FROM healthcare.claims_clean UNION ALL SELECT * FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | null test is still a filter
SELECT count(*) FROM healthcare.claims_clean WHERE member_id IS NULL

# ---------------------------------------------------------------- invented columns
@@ UNKNOWN_COLUMN | analyst | patient_name | invented column
SELECT patient_name FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | claim_amount | plausible but wrong name
SELECT sum(claim_amount) FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | diagnosis | qualified invented column
SELECT c.diagnosis FROM healthcare.claims_clean c

@@ UNKNOWN_COLUMN | analyst | member_id | column of another table
SELECT member_id FROM healthcare_gold.claims_monthly_summary

@@ UNKNOWN_COLUMN | analyst | Aetna | unquoted string value
SELECT count(*) FROM healthcare.claims_clean WHERE payer = Aetna

@@ UNKNOWN_COLUMN | analyst | ambiguous | ambiguous column in a join
SELECT payer FROM healthcare.claims_clean c JOIN healthcare_gold.provider_performance p ON c.provider_npi = p.provider_npi

@@ UNKNOWN_COLUMN | analyst | current_user | bare session function name
SELECT current_user FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | x.payer | unknown qualifier
SELECT x.payer FROM healthcare.claims_clean c

@@ UNKNOWN_COLUMN | analyst | m{U+0435}mber_id | homoglyph column name (Cyrillic ie)
SELECT m{U+0435}mber_id FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | approval_rate | column of a CTE that does not exist
WITH s AS (SELECT payer FROM healthcare.claims_clean) SELECT approval_rate FROM s

@@ UNKNOWN_COLUMN | analyst | ?+ | backticked regex that Spark could expand to columns
SELECT `(member_id)?+.+` FROM healthcare.claims_clean

# ---------------------------------------------------------------- unreadable or invisible text
@@ NOT_A_QUERY | analyst | - | fullwidth letters instead of SELECT
{U+FF33}{U+FF25}{U+FF2C}{U+FF25}{U+FF23}{U+FF34} 1

@@ PARSE_ERROR | analyst | join | bare OUTER JOIN
SELECT a.payer FROM healthcare.claims_clean a OUTER JOIN healthcare_gold.provider_performance b ON a.payer = b.payer

@@ PARSE_ERROR | analyst | U+200B | zero-width space inside a keyword
SEL{U+200B}ECT 1

@@ PARSE_ERROR | analyst | U+202E | right-to-left override in a literal
SELECT claim_id FROM healthcare.claims_clean WHERE payer = 'Aetna{U+202E}'

@@ PARSE_ERROR | analyst | U+0000 | NUL byte
SELECT 1{U+0000}; DROP TABLE healthcare.claims_clean

@@ PARSE_ERROR | analyst | - | fullwidth semicolon
SELECT 1{U+FF1B} DROP TABLE healthcare.claims_clean

@@ PARSE_ERROR | analyst | - | unterminated string
SELECT 'abc FROM healthcare.claims_clean

@@ PARSE_ERROR | analyst | - | template variable
SELECT ${secret} FROM healthcare.claims_clean

@@ PARSE_ERROR | analyst | string | adjacent string literals read as an alias
SELECT 'abc' 'def'

@@ PARSE_ERROR | analyst | - | raw string trick that Spark and JSqlParser would lex differently
SELECT R'\' , reflect('java.lang.Runtime', 'exec', 'id') --'

@@ TOO_COMPLEX | analyst | prefix | raw string prefix: Spark would end the string at the second quote
SELECT R'\' AS x, 1 AS y --'

@@ TOO_COMPLEX | analyst | - | hexadecimal literal
SELECT X'4142' AS bytes

@@ EMPTY | analyst | - | only whitespace
{U+0020}{U+0009}

@@ EMPTY | analyst | - | only a comment
-- nothing to see here

@@ EMPTY | analyst | - | only semicolons and a block comment
/* nothing */ ;

# ---------------------------------------------------------------- unsupported or oversized
@@ TOO_COMPLEX | analyst | parentheses | deep nesting
SELECT ((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))

@@ TOO_COMPLEX | analyst | TOP | TOP instead of LIMIT
SELECT TOP 10 claim_id FROM healthcare.claims_clean

@@ TOO_COMPLEX | analyst | hint | query hints change the plan
SELECT /*+ REPARTITION(100000) */ payer FROM healthcare.claims_clean

@@ TOO_COMPLEX | analyst | parameter | bind parameter
SELECT claim_id FROM healthcare.claims_clean WHERE payer = ?

@@ TOO_COMPLEX | analyst | PIVOT | pivot
SELECT * FROM healthcare.claims_clean PIVOT (sum(billed_amount) FOR payer IN ('Aetna', 'BlueCross'))

@@ TOO_COMPLEX | analyst | recursive | recursive CTE (unbounded work)
WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT n FROM r

@@ TOO_COMPLEX | analyst | time travel | time travel with an expression
SELECT * FROM healthcare.claims_clean TIMESTAMP AS OF reflect('java.lang.System', 'currentTimeMillis')

@@ TOO_COMPLEX | analyst | time travel | time travel to a named branch
SELECT * FROM healthcare.claims_clean VERSION AS OF 'audit_20250101'

@@ TOO_COMPLEX | analyst | Variables | server variables
SELECT @@version

@@ TOO_COMPLEX | analyst | LIMIT | computed LIMIT
SELECT claim_id FROM healthcare.claims_clean LIMIT (SELECT count(*) FROM healthcare.claims_clean)
