"""``python -m collabkg``: the same as the ``collabkg`` command."""

from collabkg.cli import main

main()
