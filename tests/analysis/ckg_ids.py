"""IRIs of the miniature corpus (tests/analysis/data/mini.trig), shared by the analysis and view tests."""

from pathlib import Path

DATA = Path(__file__).parent / "data"

NCAR = "https://w3id.org/collabkg/id/organization/national-center-for-atmospheric-research"
BIG = "https://w3id.org/collabkg/id/organization/beijing-institute-of-genomics"
CNIC = "https://w3id.org/collabkg/id/organization/computer-network-and-information-center"
CAS = "https://w3id.org/collabkg/id/organization/chinese-academy-of-sciences"
