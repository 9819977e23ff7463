"""collabkg: a knowledge graph of international scientific-data cooperation.

Library first; the ``collabkg`` command is a thin layer over :mod:`collabkg.api`.
"""

__version__ = "0.1.0"
