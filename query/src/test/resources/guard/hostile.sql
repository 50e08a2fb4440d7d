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

# ---------------------------------------------------------------- Spark 4: dynamic SQL and session variables
@@ NOT_A_QUERY | admin | EXECUTE | EXECUTE IMMEDIATE of a write, even for admin
EXECUTE IMMEDIATE 'INSERT INTO healthcare.claims_raw (payer) VALUES (''x'')'

@@ NOT_A_QUERY | analyst | EXECUTE | EXECUTE IMMEDIATE with INTO a variable
EXECUTE IMMEDIATE 'SELECT count(*) FROM healthcare.claims_raw' INTO v

@@ NOT_A_QUERY | analyst | EXECUTE | EXECUTE IMMEDIATE of a concatenated string
EXECUTE IMMEDIATE 'DROP ' || 'TABLE healthcare.claims_clean'

@@ NOT_A_QUERY | analyst | EXECUTE | EXECUTE IMMEDIATE with USING parameters
EXECUTE IMMEDIATE 'SELECT * FROM healthcare.claims_clean WHERE payer = ?' USING 'Aetna'

@@ NOT_A_QUERY | analyst | DECLARE | DECLARE a session variable
DECLARE VARIABLE t STRING DEFAULT 'healthcare.claims_raw'

@@ NOT_A_QUERY | analyst | DECLARE | DECLARE OR REPLACE
DECLARE OR REPLACE v INT = 5

@@ NOT_A_QUERY | analyst | SET | SET VAR from a query
SET VAR v = (SELECT max(member_id) FROM healthcare.claims_clean)

@@ NOT_A_QUERY | analyst | SET | SET VARIABLE
SET VARIABLE t = 'healthcare.claims_raw'

@@ NOT_A_QUERY | analyst | DROP | DROP TEMPORARY VARIABLE
DROP TEMPORARY VARIABLE IF EXISTS t

@@ MULTIPLE_STATEMENTS | analyst | SELECT | DECLARE then IDENTIFIER over it
DECLARE t STRING DEFAULT 'healthcare.claims_raw'; SELECT * FROM IDENTIFIER(t)

@@ MULTIPLE_STATEMENTS | analyst | SET | set a variable, then select it
SELECT 1; SET VAR v = 2

@@ FORBIDDEN_FUNCTION | analyst | IDENTIFIER | IDENTIFIER with a concatenated name
SELECT * FROM IDENTIFIER('healthcare.' || 'claims_raw')

@@ FORBIDDEN_FUNCTION | analyst | IDENTIFIER | IDENTIFIER of a metadata table
SELECT * FROM IDENTIFIER('healthcare.claims_clean.snapshots')

@@ TOO_COMPLEX | analyst | cannot check | IDENTIFIER as a function name
SELECT IDENTIFIER('reflect')('java.lang.System', 'getenv', 'HOME')

@@ FORBIDDEN_FUNCTION | business | identifier | IDENTIFIER as a column name hides member_id
SELECT IDENTIFIER('member_id') FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | session | session variable reference
SELECT session.v FROM healthcare.claims_clean

@@ TOO_COMPLEX | analyst | parameter | named parameter marker
SELECT claim_id FROM healthcare.claims_clean WHERE payer = :payer

# ---------------------------------------------------------------- Iceberg metadata and other catalogs
@@ METADATA_TABLE | analyst | partitions | Iceberg partitions table
SELECT * FROM healthcare.claims_clean.partitions

@@ METADATA_TABLE | analyst | all_data_files | Iceberg all_data_files with the catalog
SELECT file_path FROM lake.healthcare.claims_clean.all_data_files

@@ METADATA_TABLE | analyst | all_manifests | Iceberg all_manifests
SELECT * FROM healthcare.claims_clean.all_manifests

@@ METADATA_TABLE | analyst | metadata_log_entries | Iceberg metadata log
SELECT * FROM healthcare.claims_clean.metadata_log_entries

@@ METADATA_TABLE | analyst | entries | Iceberg manifest entries
SELECT * FROM healthcare_gold.provider_performance.entries

@@ METADATA_TABLE | analyst | position_deletes | Iceberg position deletes
SELECT * FROM healthcare.claims_clean.position_deletes

@@ METADATA_TABLE | analyst | data_files | Iceberg data_files of the quarantine
SELECT * FROM healthcare.claims_quarantined.data_files

@@ METADATA_TABLE | analyst | snapshots | four-part name to snapshots, backticked
SELECT * FROM `lake`.`healthcare`.`claims_clean`.`snapshots`

@@ METADATA_TABLE | analyst | files | metadata table in a subquery
SELECT count(*) FROM healthcare.claims_clean WHERE claim_id IN (SELECT file_path FROM healthcare.claims_clean.files)

@@ METADATA_TABLE | analyst | history | metadata table in a CTE
WITH h AS (SELECT * FROM lake.healthcare.claims_clean.history) SELECT count(*) FROM h

@@ METADATA_TABLE | analyst | refs | metadata table joined to a contract table
SELECT c.payer FROM healthcare.claims_clean c JOIN healthcare.claims_clean.refs r ON c.payer = r.name

@@ METADATA_TABLE | analyst | manifests | metadata table in a union branch
SELECT payer FROM healthcare.claims_clean UNION ALL SELECT path FROM healthcare.claims_clean.manifests

@@ METADATA_TABLE | analyst | snapshots | upper-case metadata table name
SELECT * FROM HEALTHCARE.CLAIMS_CLEAN.SNAPSHOTS

@@ METADATA_TABLE | analyst | information_schema | information_schema in a scalar subquery
SELECT (SELECT count(*) FROM information_schema.columns) AS n

@@ METADATA_TABLE | analyst | system | Trino system.runtime tables
SELECT * FROM system.runtime.queries

@@ METADATA_TABLE | analyst | system | Trino system.metadata table properties
SELECT * FROM lake.system.metadata.table_properties

@@ UNKNOWN_TABLE | analyst | not a valid table name | Trino hidden metadata table "claims_clean$snapshots"
SELECT * FROM healthcare.`claims_clean$snapshots`

@@ METADATA_TABLE | analyst | information_schema | upper-case INFORMATION_SCHEMA
SELECT * FROM INFORMATION_SCHEMA.TABLES

@@ UNKNOWN_TABLE | analyst | spark_catalog | session catalog, three parts
SELECT * FROM spark_catalog.healthcare.claims_clean

@@ UNKNOWN_TABLE | analyst | spark_catalog | session catalog, two parts
SELECT * FROM spark_catalog.claims_clean

@@ UNKNOWN_TABLE | analyst | spark_catalog | session catalog backticked
SELECT * FROM `spark_catalog`.`default`.`secrets`

@@ UNKNOWN_TABLE | analyst | global_temp | global temporary view
SELECT * FROM global_temp.leaked

@@ PARSE_ERROR | analyst | - | csv file by path
SELECT * FROM csv.`/etc/passwd`

@@ UNKNOWN_TABLE | analyst | path | text file by path
SELECT * FROM text.`/var/lib/medflow/jwt.secret`

@@ UNKNOWN_TABLE | analyst | path | orc directory by path
SELECT * FROM orc.`/var/lib/medflow/warehouse`

@@ UNKNOWN_TABLE | analyst | path | binaryFile source
SELECT * FROM binaryFile.`/root/.ssh`

@@ UNKNOWN_TABLE | analyst | path | iceberg table by path
SELECT * FROM iceberg.`/var/lib/medflow/warehouse/healthcare/claims_raw`

@@ UNKNOWN_TABLE | analyst | path | s3 URI as a table
SELECT * FROM parquet.`s3a://medflow-lake/warehouse/healthcare/claims_raw`

@@ UNKNOWN_TABLE | analyst | path | file path in a join
SELECT c.payer FROM healthcare.claims_clean c JOIN parquet.`/tmp/x` p ON c.payer = p.payer

@@ UNKNOWN_TABLE | analyst | path | file path in a CTE
WITH f AS (SELECT * FROM json.`/tmp/upload.json`) SELECT count(*) FROM f

@@ UNKNOWN_TABLE | analyst | avro | file source without a path separator
SELECT * FROM avro.`warehouse`

@@ UNKNOWN_TABLE | analyst | users | table of the app database
SELECT * FROM users

# ---------------------------------------------------------------- reflective and file-reading functions
@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect hidden in a transform lambda
SELECT transform(array(1), x -> reflect('java.lang.Runtime', 'exec', 'id'))

@@ FORBIDDEN_FUNCTION | analyst | java_method | java_method hidden in a filter lambda
SELECT filter(array('a'), s -> java_method('java.lang.System', 'getenv', s) IS NOT NULL)

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in exists lambda in WHERE
SELECT claim_id FROM healthcare.claims_clean WHERE exists(array(1), x -> reflect('java.lang.Thread', 'sleep', 1000) IS NULL)

@@ FORBIDDEN_FUNCTION | analyst | input_file_name | input_file_name in a nested lambda
SELECT transform(array(1), x -> transform(array(2), y -> input_file_name()))

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in a CASE branch
SELECT CASE WHEN payer = 'x' THEN reflect('java.lang.System', 'exit', 0) END FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in ORDER BY
SELECT payer FROM healthcare.claims_clean ORDER BY reflect('java.lang.System', 'nanoTime')

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in a JOIN condition
SELECT a.payer FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON reflect('java.lang.System', 'gc') IS NULL

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in a window PARTITION BY
SELECT count(*) OVER (PARTITION BY reflect('java.util.UUID', 'randomUUID')) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | reflect | reflect in a FILTER clause
SELECT count(*) FILTER (WHERE reflect('java.lang.System', 'gc') IS NULL) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | reflect | upper-case REFLECT
SELECT REFLECT('java.lang.Runtime', 'exec', 'id')

@@ FORBIDDEN_FUNCTION | analyst | java_method | java_method in a CTE
WITH x AS (SELECT java_method('java.lang.System', 'getProperty', 'user.dir') AS d) SELECT d FROM x

@@ FORBIDDEN_FUNCTION | analyst | input_file_block_start | input_file_block_start
SELECT input_file_block_start() FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | read_files | read_files in FROM with a format
SELECT * FROM read_files('/var/lib/medflow', format => 'parquet')

@@ FORBIDDEN_FUNCTION | analyst | read_files | read_files in a subquery
SELECT count(*) FROM (SELECT * FROM read_files('/etc')) t

@@ FORBIDDEN_FUNCTION | analyst | from_json | from_json parses arbitrary text
SELECT from_json(raw_line, 'a STRING') FROM healthcare.claims_quarantined

@@ FORBIDDEN_FUNCTION | analyst | schema_of_json | schema_of_json
SELECT schema_of_json('{"a": 1}')

@@ FORBIDDEN_FUNCTION | analyst | parse_url | java.net helper
SELECT parse_url('http://evil.example/?a=1', 'QUERY')

@@ FORBIDDEN_FUNCTION | analyst | xpath | xpath over XML
SELECT xpath('<a><b>1</b></a>', 'a/b/text()')

@@ FORBIDDEN_FUNCTION | analyst | current_catalog | session catalog name
SELECT current_catalog()

@@ FORBIDDEN_FUNCTION | analyst | version | Spark version
SELECT version()

@@ FORBIDDEN_FUNCTION | analyst | uuid | nondeterministic uuid
SELECT uuid()

@@ FORBIDDEN_FUNCTION | analyst | assert_true | assert_true errors on purpose
SELECT assert_true(false)

@@ FORBIDDEN_FUNCTION | analyst | explode | explode over a lambda-built array in FROM
SELECT * FROM explode(transform(sequence(1, 10), x -> reflect('java.lang.System', 'gc')))

@@ FORBIDDEN_FUNCTION | analyst | inline | inline table function
SELECT * FROM inline(array(struct(1, 'a')))

@@ FORBIDDEN_FUNCTION | analyst | stack | stack generator
SELECT stack(2, 1, 2, 3, 4)

@@ FORBIDDEN_FUNCTION | analyst | spark_catalog | qualified built-in via the session catalog
SELECT spark_catalog.default.reflect('java.lang.Runtime', 'exec', 'id')

@@ FORBIDDEN_FUNCTION | analyst | builtin | builtin-qualified function
SELECT builtin.reflect('java.lang.Runtime', 'exec', 'id')

@@ FORBIDDEN_FUNCTION | analyst | system | system.builtin qualified function
SELECT system.builtin.java_method('java.lang.System', 'getenv', 'PATH')

# ---------------------------------------------------------------- hints and comments
@@ TOO_COMPLEX | analyst | hint | broadcast hint
SELECT /*+ BROADCAST(c) */ c.payer FROM healthcare.claims_clean c

@@ TOO_COMPLEX | analyst | hint | coalesce hint
SELECT /*+ COALESCE(1) */ * FROM healthcare.claims_clean

@@ TOO_COMPLEX | analyst | hint | hint with a huge repartition in a subquery
SELECT count(*) FROM (SELECT /*+ REPARTITION(1000000) */ payer FROM healthcare.claims_clean) t

@@ MULTIPLE_STATEMENTS | analyst | DROP | nested block comments hide a semicolon
SELECT 1 /* outer /* inner */ still comment */; DROP TABLE healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | reflect | nested comment closes before a forbidden call
SELECT 1 /* a /* b */ AS x */, reflect('java.lang.Runtime', 'exec', 'id')

@@ NOT_A_QUERY | analyst | DROP | DROP after a nested comment
/* a /* b */ c */ DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DROP | line comment inside a block comment
SELECT 1 /* -- */; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DROP | block comment inside a line comment, statement on the next line
SELECT 1 -- /*
; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DELETE | semicolon inside a backticked name, then a real one
SELECT 1 AS `a;b`; DELETE FROM healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | DROP | string with an escaped quote, then a statement
SELECT 'a\'b'; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | another after | three statements
SELECT 1; SELECT 2; DROP TABLE healthcare.claims_clean

@@ MULTIPLE_STATEMENTS | analyst | SELECT | two harmless queries are still two statements
SELECT 1; SELECT 2

# ---------------------------------------------------------------- unicode tricks
@@ PARSE_ERROR | analyst | U+200B | zero-width space in a table name
SELECT * FROM healthcare.claims{U+200B}_raw

@@ PARSE_ERROR | analyst | U+200C | zero-width non-joiner in a function name
SELECT ref{U+200C}lect('java.lang.Runtime', 'exec', 'id')

@@ PARSE_ERROR | analyst | U+200D | zero-width joiner in DROP
SELECT 1; DR{U+200D}OP TABLE healthcare.claims_clean

@@ PARSE_ERROR | analyst | U+FEFF | byte-order mark inside the query
SELECT{U+FEFF} * FROM healthcare.claims_raw

@@ PARSE_ERROR | analyst | U+2060 | word joiner inside a keyword
SEL{U+2060}ECT 1

@@ PARSE_ERROR | analyst | U+202D | left-to-right override around a name
SELECT {U+202D}member_id{U+202C} FROM healthcare.claims_clean

@@ PARSE_ERROR | analyst | U+00AD | soft hyphen inside a column name
SELECT mem{U+00AD}ber_id FROM healthcare.claims_clean

@@ PARSE_ERROR | analyst | U+0085 | next-line character as a statement break
SELECT 1{U+0085}DROP TABLE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | - | Cyrillic letters in SELECT
{U+0405}ELECT 1

@@ UNKNOWN_TABLE | analyst | not a valid table name | Greek omicron in the namespace
SELECT * FROM healthcare_g{U+03BF}ld.provider_performance

@@ FORBIDDEN_FUNCTION | analyst | not allowed | Cyrillic a in a function name that looks allowed
SELECT {U+0441}ount(*) FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | business | - | fullwidth letters in a column name
SELECT {U+FF4D}ember_id FROM healthcare.claims_clean

@@ UNKNOWN_TABLE | analyst | not a valid table name | backticked homoglyph table name
SELECT * FROM `healthcare`.`claims_r{U+0430}w`

# ---------------------------------------------------------------- resource exhaustion
@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence with a float upper bound
SELECT explode(sequence(1, 1e9))

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence with a step of zero
SELECT sequence(1, 10, 0)

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence with a negative huge range
SELECT sequence(-1000000000, 1)

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence of timestamps by the second
SELECT sequence(TIMESTAMP '2000-01-01 00:00:00', TIMESTAMP '2030-01-01 00:00:00', INTERVAL 1 SECOND)

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence with a long literal
SELECT size(sequence(1L, 9000000000000000000L))

@@ FORBIDDEN_FUNCTION | analyst | sequence | sequence hidden in a lambda
SELECT transform(array(1), x -> size(sequence(1, 1000000000)))

@@ FORBIDDEN_FUNCTION | analyst | sequence | explode of a sequence in LATERAL VIEW
SELECT n FROM healthcare.claims_clean LATERAL VIEW explode(sequence(1, 100000000)) t AS n

@@ FORBIDDEN_FUNCTION | analyst | repeat | repeat with a float count
SELECT repeat('x', 1e9)

@@ FORBIDDEN_FUNCTION | analyst | repeat | repeat with a computed count
SELECT repeat(payer, source_line * 1000000) FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | repeat | repeat nested in concat inside a lambda
SELECT transform(array(1, 2), x -> concat(repeat('a', 100000000), 'b'))

@@ FORBIDDEN_FUNCTION | analyst | rpad | rpad with a huge length
SELECT rpad('x', 2147483647, 'y')

@@ FORBIDDEN_FUNCTION | analyst | array_repeat | array_repeat in LATERAL VIEW
SELECT n FROM healthcare.claims_clean LATERAL VIEW explode(array_repeat(1, 1000000)) t AS n

@@ FORBIDDEN_FUNCTION | analyst | exponential | nested quantifier in regexp_replace
SELECT regexp_replace(provider_name, '(\\w+\\s?)*$', '') FROM healthcare.claims_clean

@@ FORBIDDEN_FUNCTION | analyst | back-reference | back-reference in rlike
SELECT claim_id FROM healthcare.claims_clean WHERE provider_name RLIKE '^(a+)\\1$'

@@ FORBIDDEN_FUNCTION | analyst | string literal | regex from a concatenation
SELECT claim_id FROM healthcare.claims_clean WHERE provider_name RLIKE concat('(a', '+)+')

@@ FORBIDDEN_FUNCTION | analyst | approx_percentile | approx_percentile accuracy from a column
SELECT approx_percentile(billed_amount, 0.5, source_line) FROM healthcare.claims_clean

@@ TOO_COMPLEX | analyst | subqueries | subqueries nested too deeply
SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT 1 AS a) t0) t1) t2) t3) t4) t5) t6) t7) t8) t9) t10) t11) t12

@@ TOO_COMPLEX | analyst | parentheses | deeply nested function calls
SELECT abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(1)))))))))))))))))))))))))))))))))))))))))

@@ TOO_COMPLEX | analyst | recursive | recursive CTE counting forever
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) SELECT max(n) FROM r

@@ FORBIDDEN_FUNCTION | analyst | range | range in a self cross join
SELECT count(*) FROM range(100000) a CROSS JOIN range(100000) b

@@ FORBIDDEN_FUNCTION | analyst | explode | generator in FROM cross-joined with claims
SELECT count(*) FROM healthcare.claims_clean CROSS JOIN explode(sequence(1, 10000)) e

# ---------------------------------------------------------------- more statements that are not a query
@@ NOT_A_QUERY | analyst | CACHE | cache table with options
CACHE TABLE c OPTIONS ('storageLevel' 'DISK_ONLY') SELECT * FROM healthcare.claims_raw

@@ NOT_A_QUERY | analyst | CLEAR | clear cache
CLEAR CACHE

@@ NOT_A_QUERY | analyst | ADD | add archive
ADD ARCHIVE /tmp/evil.zip

@@ NOT_A_QUERY | analyst | LIST | list jars
LIST JAR

@@ NOT_A_QUERY | analyst | SET | set a Hadoop setting
SET spark.hadoop.fs.s3a.access.key=attacker

@@ NOT_A_QUERY | analyst | SET | set the time zone
SET TIME ZONE 'America/New_York'

@@ NOT_A_QUERY | analyst | RESET | reset one setting
RESET spark.sql.ansi.enabled

@@ NOT_A_QUERY | analyst | USE | use another catalog
USE CATALOG spark_catalog

@@ NOT_A_QUERY | analyst | USE | use a namespace with the catalog
USE lake.healthcare_gold

@@ NOT_A_QUERY | analyst | SHOW | show functions
SHOW FUNCTIONS

@@ NOT_A_QUERY | analyst | SHOW | show table properties
SHOW TBLPROPERTIES healthcare.claims_clean

@@ NOT_A_QUERY | analyst | SHOW | show catalogs
SHOW CATALOGS

@@ NOT_A_QUERY | analyst | SHOW | show partitions
SHOW PARTITIONS healthcare.claims_clean

@@ NOT_A_QUERY | analyst | DESCRIBE | describe a function
DESCRIBE FUNCTION EXTENDED reflect

@@ NOT_A_QUERY | analyst | DESCRIBE | describe a query
DESCRIBE QUERY SELECT * FROM healthcare.claims_raw

@@ NOT_A_QUERY | analyst | DESCRIBE | describe history of a table
DESCRIBE HISTORY healthcare.claims_clean

@@ NOT_A_QUERY | analyst | MSCK | msck repair with add partitions
MSCK REPAIR TABLE healthcare.claims_clean ADD PARTITIONS

@@ NOT_A_QUERY | analyst | REFRESH | refresh a path
REFRESH '/var/lib/medflow/warehouse'

@@ NOT_A_QUERY | analyst | REFRESH | refresh function
REFRESH FUNCTION reflect

@@ NOT_A_QUERY | admin | CALL | Iceberg remove orphan files
CALL lake.system.remove_orphan_files(table => 'healthcare.claims_clean', dry_run => false)

@@ NOT_A_QUERY | admin | CALL | Iceberg fast-forward a branch
CALL lake.system.fast_forward('healthcare.claims_clean', 'main', 'audit_20250101')

@@ NOT_A_QUERY | admin | CALL | Iceberg set current snapshot
CALL system.set_current_snapshot('healthcare.claims_clean', 1)

@@ NOT_A_QUERY | admin | CALL | Iceberg register table from a metadata file
CALL lake.system.register_table('healthcare.evil', '/tmp/evil/metadata.json')

@@ NOT_A_QUERY | analyst | ALTER | create an Iceberg branch
ALTER TABLE healthcare.claims_clean CREATE BRANCH evil

@@ NOT_A_QUERY | analyst | ALTER | set table properties
ALTER TABLE healthcare.claims_clean SET TBLPROPERTIES ('write.metadata.delete-after-commit.enabled' = 'true')

@@ NOT_A_QUERY | analyst | CREATE | create a table over a path
CREATE TABLE t USING parquet LOCATION '/etc'

@@ NOT_A_QUERY | analyst | CREATE | create a function from a class
CREATE FUNCTION evil AS 'com.evil.Udf'

@@ NOT_A_QUERY | analyst | CREATE | create a view
CREATE VIEW v AS SELECT * FROM healthcare.claims_raw

@@ NOT_A_QUERY | analyst | REPLACE | replace table as select
REPLACE TABLE healthcare.claims_clean AS SELECT * FROM healthcare.claims_raw

@@ NOT_A_QUERY | analyst | INSERT | insert into with the catalog and a VALUES list
INSERT INTO lake.healthcare.claims_raw VALUES ('x', 'y')

@@ NOT_A_QUERY | analyst | INSERT | insert overwrite local directory
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' STORED AS TEXTFILE SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | DELETE | delete with a subquery
DELETE FROM healthcare.claims_clean WHERE claim_id IN (SELECT claim_id FROM healthcare.claims_clean)

@@ NOT_A_QUERY | analyst | UPDATE | update through the catalog name
UPDATE lake.healthcare.claims_clean SET payer = NULL

@@ NOT_A_QUERY | analyst | MERGE | merge insert
MERGE INTO healthcare.claims_clean t USING (SELECT 1 AS id) s ON FALSE WHEN NOT MATCHED THEN INSERT *

@@ NOT_A_QUERY | analyst | DROP | drop a namespace cascade
DROP NAMESPACE healthcare CASCADE

@@ NOT_A_QUERY | analyst | DROP | drop database
DROP DATABASE IF EXISTS healthcare_gold CASCADE

@@ NOT_A_QUERY | analyst | OPTIMIZE | optimize
OPTIMIZE healthcare.claims_clean

@@ NOT_A_QUERY | analyst | VACUUM | vacuum
VACUUM healthcare.claims_clean RETAIN 0 HOURS

@@ NOT_A_QUERY | analyst | LOAD | load data from a path
LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE healthcare.claims_raw

@@ NOT_A_QUERY | analyst | EXPLAIN | explain codegen
EXPLAIN CODEGEN SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | WITH clause may only define SELECT | insert inside a CTE
WITH x AS (INSERT INTO healthcare.claims_raw (payer) VALUES ('x')) SELECT 1

# ---------------------------------------------------------------- time travel tricks (Spark and Trino syntax)
@@ PARSE_ERROR | analyst | - | FOR VERSION AS OF a subquery
SELECT * FROM healthcare.claims_clean FOR VERSION AS OF (SELECT max(snapshot_id) FROM healthcare.claims_clean.snapshots)

@@ TOO_COMPLEX | analyst | time travel | FOR TIMESTAMP AS OF a function call
SELECT * FROM healthcare.claims_clean FOR TIMESTAMP AS OF current_timestamp()

@@ PARSE_ERROR | analyst | - | VERSION AS OF a function
SELECT * FROM healthcare.claims_clean VERSION AS OF reflect('java.lang.System', 'currentTimeMillis')

@@ TOO_COMPLEX | analyst | time travel | VERSION AS OF a tag name
SELECT * FROM healthcare.claims_clean VERSION AS OF 'tag_v1'

@@ TOO_COMPLEX | analyst | time travel | FOR SYSTEM_VERSION AS OF a branch
SELECT * FROM healthcare.claims_clean FOR SYSTEM_TIME AS OF 'main'

@@ TOO_COMPLEX | analyst | time travel | time travel on a CTE
WITH c AS (SELECT payer FROM healthcare.claims_clean) SELECT * FROM c VERSION AS OF 1

@@ PARSE_ERROR | analyst | - | time travel with an arithmetic snapshot id
SELECT * FROM healthcare.claims_clean VERSION AS OF 1 + 1

@@ PARSE_ERROR | analyst | timestamp | time travel to an invalid timestamp
SELECT * FROM healthcare.claims_clean TIMESTAMP AS OF '2024-13-45 99:99:99'

@@ TABLE_NOT_ALLOWED | business | claims_raw | time travel does not open a forbidden table
SELECT * FROM healthcare.claims_raw VERSION AS OF 1

@@ PII_NOT_ALLOWED | business | member_id | time travel does not lift the personal-data rules
SELECT count(*) FROM healthcare.claims_clean VERSION AS OF 1 WHERE member_id = 'x'

# ---------------------------------------------------------------- personal data, more forms
@@ PII_NOT_ALLOWED | business | member_id | member_id in a lambda
SELECT transform(array(member_id), x -> x) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | member_id in LATERAL VIEW explode
SELECT m FROM healthcare.claims_clean LATERAL VIEW explode(array(member_id)) t AS m

@@ PII_NOT_ALLOWED | business | patient_birth_date | birth date in EXTRACT
SELECT EXTRACT(YEAR FROM patient_birth_date) AS y FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | member_id in a lateral-view-free collect_list
SELECT collect_list(member_id) FROM healthcare.claims_clean

@@ PII_NOT_ALLOWED | business | member_id | member_id compared in EXISTS
SELECT count(*) FROM healthcare.claims_clean c WHERE EXISTS (SELECT 1 FROM healthcare.claims_clean d WHERE d.member_id = c.member_id AND d.claim_id <> c.claim_id)

@@ PII_NOT_ALLOWED | business | member_id | member_id through a CTE column list rename
WITH m(x) AS (SELECT member_id FROM healthcare.claims_clean) SELECT x FROM m

@@ PII_NOT_ALLOWED | business | member_id | member_id in IS DISTINCT FROM
SELECT count(*) FROM healthcare.claims_clean WHERE member_id IS DISTINCT FROM 'x'

@@ PII_NOT_ALLOWED | business | member_id | member_id subscripted
SELECT member_id[0] FROM healthcare.claims_clean

# ---------------------------------------------------------------- hidden metadata columns (file paths)
@@ UNKNOWN_COLUMN | analyst | _file | Iceberg _file metadata column leaks storage paths
SELECT _file, count(*) FROM healthcare.claims_clean GROUP BY _file

@@ UNKNOWN_COLUMN | analyst | _pos | Iceberg _pos metadata column
SELECT c._pos FROM healthcare.claims_clean c

@@ UNKNOWN_COLUMN | analyst | _metadata | Spark _metadata file column
SELECT _metadata.file_path FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | _partition | Iceberg _partition metadata column
SELECT _partition FROM healthcare.claims_clean

@@ UNKNOWN_COLUMN | analyst | _spec_id | Iceberg _spec_id in WHERE
SELECT claim_id FROM healthcare.claims_clean WHERE _spec_id = 0

# ---------------------------------------------------------------- Hive script transform (runs a program)
@@ PARSE_ERROR | analyst | - | TRANSFORM ... USING runs a shell command
SELECT TRANSFORM(payer) USING 'cat /etc/passwd' AS (line) FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | FROM | MAP ... USING runs a script
FROM healthcare.claims_clean MAP payer USING '/bin/sh -c id' AS x

@@ NOT_A_QUERY | analyst | REDUCE | REDUCE ... USING
REDUCE payer USING 'python evil.py' AS x FROM healthcare.claims_clean

# ---------------------------------------------------------------- Trino statements and table functions
@@ FORBIDDEN_FUNCTION | analyst | TABLE | Trino TABLE(system.query(...)) pass-through
SELECT * FROM TABLE(system.query(query => 'SELECT * FROM secrets'))

@@ NOT_A_QUERY | analyst | PREPARE | Trino PREPARE
PREPARE q FROM SELECT * FROM healthcare.claims_raw

@@ NOT_A_QUERY | analyst | EXECUTE | Trino EXECUTE of a prepared statement
EXECUTE q USING 1

@@ NOT_A_QUERY | analyst | DEALLOCATE | Trino DEALLOCATE PREPARE
DEALLOCATE PREPARE q

@@ NOT_A_QUERY | analyst | SET | Trino SET SESSION
SET SESSION query_max_run_time = '1000d'

@@ NOT_A_QUERY | analyst | RESET | Trino RESET SESSION
RESET SESSION query_max_run_time

@@ NOT_A_QUERY | analyst | START | Trino START TRANSACTION
START TRANSACTION

@@ NOT_A_QUERY | analyst | COMMIT | COMMIT
COMMIT

@@ NOT_A_QUERY | analyst | ROLLBACK | ROLLBACK
ROLLBACK

@@ NOT_A_QUERY | analyst | SHOW | Trino SHOW STATS leaks value ranges
SHOW STATS FOR healthcare.claims_clean

@@ NOT_A_QUERY | analyst | SHOW | Trino SHOW SCHEMAS
SHOW SCHEMAS FROM lake

@@ NOT_A_QUERY | analyst | EXPLAIN | Trino EXPLAIN ANALYZE runs the query
EXPLAIN ANALYZE SELECT * FROM healthcare.claims_clean

@@ NOT_A_QUERY | analyst | ALTER | Trino ALTER TABLE EXECUTE expire_snapshots
ALTER TABLE healthcare.claims_clean EXECUTE expire_snapshots(retention_threshold => '0s')

@@ NOT_A_QUERY | analyst | COMMENT | COMMENT ON TABLE
COMMENT ON TABLE healthcare.claims_clean IS 'owned'

@@ NOT_A_QUERY | analyst | GRANT | Trino GRANT with a role
GRANT ALL PRIVILEGES ON healthcare.claims_clean TO ROLE public

@@ PARSE_ERROR | analyst | - | Trino double-quoted hidden table (a string in Spark)
SELECT * FROM healthcare."claims_clean$files"

@@ NOT_A_QUERY | analyst | VALUES | VALUES in an IN list
SELECT count(*) FROM healthcare.claims_clean WHERE payer IN (VALUES 'Aetna')

@@ METADATA_TABLE | analyst | information_schema | information_schema.table_privileges via the catalog
SELECT * FROM lake.information_schema.table_privileges

@@ METADATA_TABLE | analyst | sys | sys namespace
SELECT * FROM sys.tables
