// Paths between two organizations (or any two entities), hop by hop.
// All shortest paths of at most 8 hops through entities and n-ary facts (agreements, events,
// posts, cooperations); provenance links (statements, evidence, documents) are not walked. Each
// hop lists the relationship type, its direction and the evidence IRIs behind it.
// @param from "CNIC"  start: IRI, label or acronym
// @param to "NCAR"  end: IRI, label or acronym
MATCH (a:Resource)
WHERE a.uri = $from OR $from IN ([] + coalesce(a.rdfs__label, [])) OR $from IN ([] + coalesce(a.ckg__acronym, [])) OR $from IN ([] + coalesce(a.foaf__name, []))
MATCH (b:Resource)
WHERE b.uri = $to OR $to IN ([] + coalesce(b.rdfs__label, [])) OR $to IN ([] + coalesce(b.ckg__acronym, [])) OR $to IN ([] + coalesce(b.foaf__name, []))
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE a <> b AND all(r IN relationships(p) WHERE NOT type(r) IN
  ['rdf__subject', 'rdf__predicate', 'rdf__object', 'prov__wasDerivedFrom', 'prov__wasQuotedFrom'])
RETURN
  length(p) AS hops,
  [n IN nodes(p) | ([] + coalesce(n.rdfs__label, n.foaf__name, n.uri))[0]] AS names,
  [i IN range(0, length(p) - 1) | CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i] THEN '-[' + type(relationships(p)[i]) + ']->' ELSE '<-[' + type(relationships(p)[i]) + ']-' END] AS hops_by_type,
  [r IN relationships(p) | r.evidence] AS evidence,
  [n IN nodes(p) | n.uri] AS uris
ORDER BY hops, names
LIMIT 50
