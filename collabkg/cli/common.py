"""Shared pieces of the CLI: the root group, shared options, and error handling."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from collabkg import __version__
from collabkg.errors import CollabKGError

__all__ = ["cli", "store_option", "handle_errors", "console", "err_console"]


def _consoles():
    from rich.console import Console

    return Console(), Console(stderr=True)


console, err_console = _consoles()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="collabkg")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """collabkg: a knowledge graph of international scientific-data cooperation.

    \b
    Start with:
      collabkg build                  # the bundled sample corpus -> ./.collabkg/
      collabkg validate               # SHACL check of the stored graph
      collabkg sparql 'SELECT ?s WHERE { ?s a ckg:Agreement }'
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def store_option(f):
    """``--store DIR`` (default ``$COLLABKG_STORE`` or ``./.collabkg/store``)."""
    from collabkg.graph.store import default_store_path

    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Store folder [default: $COLLABKG_STORE or {default_store_path()}].",
    )(f)


def handle_errors(f):
    """Turn library errors into one clean line and exit code 1 (traceback with ``--debug``)."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except CollabKGError as e:
            ctx = click.get_current_context(silent=True)
            if ctx is not None and (ctx.find_root().obj or {}).get("debug"):
                raise
            from rich.text import Text

            # user and document text is never read as rich markup
            err_console.print(Text("error: ", style="bold red") + Text(str(e)), highlight=False, soft_wrap=True)
            sys.exit(1)

    return wrapper
