-- Helpers every model uses. Persisted in the warehouse so analysts can use them too.

-- A surrogate key derived from a natural key: the first 60 bits of its MD5. The same natural key
-- gives the same key on every build (full or incremental), so rebuilds are identical. 0 is kept
-- for the unknown member of every dimension.
create or replace macro surrogate_key(natural_key) as
    ('0x' || substr(md5(natural_key), 1, 15))::bigint;
