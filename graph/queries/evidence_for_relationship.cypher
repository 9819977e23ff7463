// The evidence for relationships: documents and quoted sentences behind the links of an entity.
// Every relationship touching `subject` (either direction), optionally of one type and to one
// `object`; uses the relationship's `evidence` property (the evidence IRIs of its rdf:Statement
// reification). Each row is one quoted sentence with its document and character span, or, for a
// fact from the curated registry, the registry entry and its source URL.
// @param subject "CNIC"  subject: IRI, label or acronym
// @param type null  relationship type such as "ckg__party" (null: any)
// @param object null  object: IRI, label or acronym (null: any)
MATCH (s:Resource)-[r]-(o:Resource)
WHERE (s.uri = $subject OR $subject IN ([] + coalesce(s.rdfs__label, [])) OR $subject IN ([] + coalesce(s.ckg__acronym, [])) OR $subject IN ([] + coalesce(s.foaf__name, [])))
  AND ($type IS NULL OR type(r) = $type)
  AND ($object IS NULL OR o.uri = $object OR $object IN ([] + coalesce(o.rdfs__label, [])) OR $object IN ([] + coalesce(o.ckg__acronym, [])) OR $object IN ([] + coalesce(o.foaf__name, [])))
  AND r.evidence IS NOT NULL
UNWIND r.evidence AS ev_uri
MATCH (ev:Resource {uri: ev_uri})
OPTIONAL MATCH (ev)-[:prov__wasQuotedFrom]->(doc:Resource)
WITH r, ev, doc, startNode(r) AS a, endNode(r) AS b
RETURN
  ([] + coalesce(a.rdfs__label, a.foaf__name, a.uri))[0] AS start,
  type(r) AS type,
  ([] + coalesce(b.rdfs__label, b.foaf__name, b.uri))[0] AS end,
  ([] + ev.prov__value)[0] AS quote,
  ([] + coalesce(doc.dct__title, ev.rdfs__label, [null]))[0] AS document,
  coalesce(doc.uri, ([] + coalesce(ev.dct__source, [null]))[0]) AS document_uri,
  ev.ckg__charStart AS char_start,
  ev.ckg__charEnd AS char_end
ORDER BY type, start, end, document, char_start
