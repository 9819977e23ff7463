// Organizations that are parties to agreements with CAS bodies.
// A CAS body is the Chinese Academy of Sciences or any organization under it
// (org:subOrganizationOf, any depth). One row per agreement and counterpart, with the CAS body
// that signs, the agreement's kinds and status, and the evidence IRIs of the party links.
// @param cas "CAS"  the academy: IRI, label or acronym
MATCH (cas:Resource)
WHERE cas.uri = $cas OR $cas IN ([] + coalesce(cas.rdfs__label, [])) OR $cas IN ([] + coalesce(cas.ckg__acronym, [])) OR $cas IN ([] + coalesce(cas.foaf__name, []))
MATCH (a:ckg__Agreement)-[:ckg__party]->(body:Resource)
WHERE body = cas OR EXISTS { (body)-[:org__subOrganizationOf*1..]->(cas) }
MATCH (a)-[rp:ckg__party]->(other:Resource)
WHERE other <> cas AND NOT EXISTS { (other)-[:org__subOrganizationOf*1..]->(cas) }
OPTIONAL MATCH (a)-[:ckg__status]->(status:Resource)
RETURN DISTINCT
  ([] + coalesce(other.rdfs__label, other.uri))[0] AS organization,
  ([] + coalesce(other.ckg__acronym, []))[0] AS acronym,
  ([] + coalesce(body.rdfs__label, body.uri))[0] AS cas_body,
  ([] + coalesce(a.rdfs__label, a.uri))[0] AS agreement,
  [l IN labels(a) WHERE l STARTS WITH 'ckg__' | substring(l, 5)] AS kinds,
  CASE WHEN status IS NULL THEN null ELSE split(status.uri, '#')[-1] END AS status,
  a.uri AS agreement_uri,
  rp.evidence AS evidence
ORDER BY organization, agreement
