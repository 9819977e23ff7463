// Who holds which post where.
// Posts are n-ary org:Post nodes: org:heldBy the person, org:postIn the organization, with a role
// title; each row carries the quoted sentences (prov:wasDerivedFrom evidence) behind the post.
// @param person null  optional: part of the person's name, case-insensitive (null: everyone)
MATCH (post:org__Post)-[:org__heldBy]->(p:Resource)
MATCH (post)-[:org__postIn]->(o:Resource)
WITH post, p, o, ([] + coalesce(p.foaf__name, p.rdfs__label, p.uri))[0] AS person
WHERE $person IS NULL OR toLower(person) CONTAINS toLower($person)
OPTIONAL MATCH (post)-[:org__role]->(role:Resource)
OPTIONAL MATCH (post)-[:prov__wasDerivedFrom]->(ev:Resource)
RETURN
  person,
  ([] + coalesce(p.foaf__title, [null]))[0] AS title,
  coalesce(([] + coalesce(post.ckg__roleTitle, [null]))[0], ([] + coalesce(role.rdfs__label, [null]))[0]) AS role,
  ([] + coalesce(o.rdfs__label, o.uri))[0] AS organization,
  ([] + coalesce(o.ckg__acronym, [null]))[0] AS acronym,
  post.uri AS post_uri,
  [q IN collect(DISTINCT ev.prov__value) WHERE q IS NOT NULL] AS quotes
ORDER BY person, organization
