// The evidence for an entity or n-ary node (an agreement, a post, an event, a delegation ...).
// Follows prov:wasDerivedFrom to the evidence nodes: the quoted sentence, the document it was
// quoted from (title, publisher, date), the character span and the extraction method.
// @param node "BAO Yiming"  the node: IRI, label, name or acronym
MATCH (n:Resource)
WHERE n.uri = $node OR $node IN ([] + coalesce(n.rdfs__label, [])) OR $node IN ([] + coalesce(n.ckg__acronym, [])) OR $node IN ([] + coalesce(n.foaf__name, []))
MATCH (n)-[:prov__wasDerivedFrom]->(ev:Resource)
OPTIONAL MATCH (ev)-[:prov__wasQuotedFrom]->(doc:Resource)
RETURN
  ([] + coalesce(n.rdfs__label, n.foaf__name, n.uri))[0] AS node,
  ([] + ev.prov__value)[0] AS quote,
  ([] + coalesce(doc.dct__title, [null]))[0] AS document,
  ([] + coalesce(doc.dct__publisher, [null]))[0] AS publisher,
  toString(([] + coalesce(doc.dct__issued, [null]))[0]) AS issued,
  doc.uri AS document_uri,
  ev.ckg__charStart AS char_start,
  ev.ckg__charEnd AS char_end,
  ev.ckg__method AS method
ORDER BY document, char_start
