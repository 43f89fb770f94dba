-- MySQL's (and so Magento's) way of reading a text as a number when a searchCriteria value meets a numeric column:
-- the longest numeric prefix, 0 when there is none ('12abc' -> 12, 'abc' -> 0). PostgreSQL would raise instead.
CREATE OR REPLACE FUNCTION ficus_mysql_numeric(t text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(NULLIF(substring(btrim(t) FROM '^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?'), '')::numeric, 0)
$$;
