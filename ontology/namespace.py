"""The closed ``CKG`` namespace: collabkg's own ontology terms.

Generated from ``collabkg.ttl`` by ``python ontology/_generate.py``; do not edit by hand.
A misspelt term fails as soon as it is used:

>>> from collabkg.ontology.namespace import CKG
>>> CKG.Agreement
rdflib.term.URIRef('https://w3id.org/collabkg/ontology#Agreement')
>>> CKG.Agrement
Traceback (most recent call last):
...
AttributeError: term 'Agrement' not in namespace 'https://w3id.org/collabkg/ontology#'
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class CKG(DefinedNamespace):
    """collabkg ontology terms (classes, properties and named individuals)."""

    _fail = True
    _NS = Namespace("https://w3id.org/collabkg/ontology#")

    Academy: URIRef  # Academy
    Agreement: URIRef  # Agreement
    Approximate: URIRef  # approximately
    AtLeast: URIRef  # at least
    BilateralAgreement: URIRef  # Bilateral agreement
    Bureau: URIRef  # Bureau
    Cooperation: URIRef  # Cooperation
    CountPrecision: URIRef  # Count precision
    CountPrecisionScheme: URIRef  # Count precisions
    DataInfrastructure: URIRef  # Data infrastructure
    Delegation: URIRef  # Delegation
    Division: URIRef  # Division
    Established: URIRef  # established
    Evidence: URIRef  # Evidence
    ExactCount: URIRef  # exact
    FundingProgram: URIRef  # Funding program
    GovernmentAgency: URIRef  # Government agency
    InternationalBody: URIRef  # International body
    Meeting: URIRef  # Meeting
    MemorandumOfUnderstanding: URIRef  # Memorandum of understanding
    MoreThan: URIRef  # more than
    NationalCommittee: URIRef  # National committee
    Outcome: URIRef  # Outcome
    Platform: URIRef  # Data platform
    Program: URIRef  # Program
    Project: URIRef  # Project
    Proposal: URIRef  # Proposal
    Proposed: URIRef  # proposed
    Region: URIRef  # Region
    RegistryEntry: URIRef  # Registry entry
    ResearchCenter: URIRef  # Research or data center
    ResearchInstitute: URIRef  # Research institute
    Roundtable: URIRef  # Roundtable
    SourceDocument: URIRef  # Source document
    Status: URIRef  # Status
    StatusScheme: URIRef  # Statuses
    TaskGroup: URIRef  # Task group
    University: URIRef  # University
    Visit: URIRef  # Visit
    acronym: URIRef  # acronym
    attendeeCount: URIRef  # attendee count
    basedOn: URIRef  # based on
    builds: URIRef  # builds
    chair: URIRef  # chair
    charEnd: URIRef  # end character
    charStart: URIRef  # start character
    contentHash: URIRef  # content hash
    cooperatesWith: URIRef  # cooperates with
    countPrecision: URIRef  # count precision
    country: URIRef  # country
    dateInferred: URIRef  # date inferred
    delegation: URIRef  # delegation
    documentKind: URIRef  # document kind
    extractorVersion: URIRef  # extractor version
    focusArea: URIRef  # focus area
    hostedBy: URIRef  # hosted by
    involves: URIRef  # involves
    kind: URIRef  # kind
    leader: URIRef  # leader
    method: URIRef  # method
    nationalCommitteeOf: URIRef  # national committee of
    ordinal: URIRef  # ordinal
    outcomeOf: URIRef  # outcome of
    page: URIRef  # page
    partner: URIRef  # partner
    party: URIRef  # party
    proposes: URIRef  # proposes
    realizes: URIRef  # realizes
    roleTitle: URIRef  # role title
    signatory: URIRef  # signatory
    sourceFile: URIRef  # source file
    status: URIRef  # status
