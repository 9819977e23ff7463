// The roundtables by year, with attendance by country.
// One row per roundtable and delegation: the year (from schema:startDate, a date or a gYear),
// the ordinal, the city, the delegation's country, its head count and how exact that count is
// (ExactCount, MoreThan, AtLeast, Approximate). A roundtable without delegations has one row.
// @param year null  optional: only this year (an integer, e.g. 2009)
MATCH (e:ckg__Roundtable)
WITH e, toInteger(left(toString(([] + e.schema__startDate)[0]), 4)) AS year
WHERE $year IS NULL OR year = toInteger($year)
OPTIONAL MATCH (e)-[:schema__location]->(city:Resource)
OPTIONAL MATCH (e)-[:ckg__delegation]->(d:Resource)
OPTIONAL MATCH (d)-[:ckg__country]->(country:Resource)
OPTIONAL MATCH (d)-[:ckg__countPrecision]->(precision:Resource)
RETURN
  year,
  ([] + coalesce(e.ckg__ordinal, [null]))[0] AS ordinal,
  ([] + coalesce(e.rdfs__label, e.uri))[0] AS roundtable,
  toString(([] + e.schema__startDate)[0]) AS start_date,
  ([] + coalesce(city.rdfs__label, [null]))[0] AS city,
  ([] + coalesce(country.rdfs__label, [null]))[0] AS country,
  ([] + coalesce(d.ckg__attendeeCount, [null]))[0] AS attendees,
  CASE WHEN precision IS NULL THEN null ELSE split(precision.uri, '#')[-1] END AS precision
ORDER BY year, ordinal, country
