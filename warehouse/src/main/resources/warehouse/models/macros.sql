-- Helpers every model uses. Persisted in the warehouse so analysts can use them too.

-- A surrogate key derived from a natural key: the first 60 bits of its MD5. The same natural key
-- gives the same key on every build (full or incremental), so rebuilds are identical. 0 is kept
-- for the unknown member of every dimension.
create or replace macro surrogate_key(natural_key) as
    ('0x' || substr(md5(natural_key), 1, 15))::bigint;

-- The fewest respondents with a yes or no answer for which a weighted survey rate is shown without
-- a warning: v_survey_rates flags smaller groups (small_n) and the report marks their rates. 30 is
-- the usual rule of thumb below which a sample proportion's error is too large to read a rate as a
-- population figure (the normal approximation of its sampling error does not hold).
create or replace macro small_n_threshold() as 30;
