-- The warehouse's growth(from_year, to_year) macro for the headline measures between two years.
select measure, from_year, to_year, from_value, to_value, change, cagr
from growth(?::integer, ?::integer)
