"""``collabkg evaluate``: score extraction against gold annotations of your own documents."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from collabkg.cli.common import cli, console, handle_errors


@cli.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--explain", is_flag=True, help="List every missed entity and relation and every wrong relation.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def evaluate(gold_dir, explain, fmt):
    """Score extraction against gold files: entity and typed-relation precision, recall and F1.

    GOLD_DIR holds documents (.txt .md .html) with <name>.gold.json beside each, in the dev-set
    format (entities with names and aliases; relations such as holdsPosition(Director),
    participatedIn, organizedBy, heldAt, heldOn). collabkg's predicates are mapped to the gold ones
    as collabkg.loaders.evaluation.GOLD_PREDICATES documents. Nothing is stored.

    \b
    Examples:
      collabkg evaluate my-gold/
      collabkg evaluate my-gold/ --explain
      collabkg evaluate my-gold/ --format json > scores.json
    """
    from collabkg.loaders.evaluation import evaluate as run

    result = run(gold_dir)
    if fmt == "json":
        click.echo(result.to_json(explain))
        return
    t = Table(title=f"extraction against {gold_dir}")
    for c in ("document", "entities found", "entity P", "entity R", "entity F1", "relations found", "relation P", "relation R"):
        t.add_column(c, justify="left" if c == "document" else "right")
    rows = [d.as_dict() for d in result.docs] + [dict(result.totals(), name="total")]
    for d in rows:
        t.add_row(d["name"], f"{d['found_entities']}/{d['gold_entities']}", f"{d['entity_precision']:.2f}",
                  f"{d['entity_recall']:.2f}", f"{d['entity_f1']:.2f}", f"{d['found_relations']}/{d['gold_relations']}",
                  f"{d['relation_precision']:.2f}", f"{d['relation_recall']:.2f}")
    console.print(t)
    if explain:
        for d in result.docs:
            console.print(f"--- {d.name}" + (f"  (error: {d.error})" if d.error else ""), markup=False, highlight=False)
            for title, items in (("missed entity", d.missed_entities), ("extracted, not in gold", d.unmatched_output),
                                 ("missed relation", d.missed_relations), ("wrong relation", d.wrong_relations)):
                for it in items:
                    console.print(f"  {title}: {it}", markup=False, highlight=False)
    tot = result.totals()
    click.echo(f"score: entity P {tot['entity_precision']:.2f} R {tot['entity_recall']:.2f} F1 {tot['entity_f1']:.2f}; "
               f"relation P {tot['relation_precision']:.2f} R {tot['relation_recall']:.2f} F1 {tot['relation_f1']:.2f}")
