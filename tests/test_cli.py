"""The command line, run in-process (typer's runner) and once as a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.tokens import Doc
from typer.testing import CliRunner

from newsdesk.article import Event
from newsdesk.cli import app
from newsdesk.entities.kb import KnowledgeBase
from newsdesk.errors import HINTS

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
SCHEMA = json.loads((REPO / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))
TOP_LEVEL = {
    "id", "source", "headline", "dateline", "published", "source_keywords",
    "text", "original", "edits", "entities", "keywords", "quotes", "events",
}  # fmt: skip


def test_analyze_seed_json_validates_against_schema(seed_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert TOP_LEVEL <= set(obj)
    jsonschema.validate(obj, SCHEMA)
    assert obj["headline"] == "Putin and Xi Signal Deeper Ties in Beijing, Sharpen Criticism of the West"
    assert obj["dateline"] == "Beijing, China"
    assert len(obj["source_keywords"]) == 17
    assert obj["source"] == str(seed_path)


def test_schema_file_is_the_generated_one() -> None:
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == SCHEMA, "regenerate with: newsdesk schema -o schema/analysis.schema.json"


def test_jsonl_from_stdin_and_date_option() -> None:
    text = "A headline\nLONDON (Reuters) - Britain said on Tuesday it would act."
    result = runner.invoke(app, ["analyze", "-", "-f", "jsonl", "--date", "2025-09-02"], input=text)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["published"] == "2025-09-02"
    assert obj["source"] == "<stdin>"
    jsonschema.validate(obj, SCHEMA)


def test_refused_input_reports_and_others_still_run(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Good headline\nThe body is fine.")
    result = runner.invoke(app, ["analyze", str(tmp_path), str(tmp_path / "missing.txt"), "-f", "jsonl"])
    assert result.exit_code == 2
    assert len(result.stdout.strip().splitlines()) == 1
    # Each refusal with its code and how to fix it.
    assert f"newsdesk: error: {tmp_path / 'empty.txt'}: [ND104] empty. {HINTS['ND104']}\n" in result.stderr
    assert f"missing.txt: [ND101] no such file or directory. {HINTS['ND101']}\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_report_escapes_markup(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("[bold]Not markup[/bold]\nBody with [red]brackets[/red].")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert "[bold]Not markup[/bold]" in result.stdout


def test_console_script_runs() -> None:
    exe = Path(sys.executable).with_name("newsdesk")
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("newsdesk ")


def test_entities_command_prints_canonical_names(seed_path: Path) -> None:
    result = runner.invoke(app, ["entities", str(seed_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.stdout and "Xi Jinping" in result.stdout


def test_export_gdelt_events_has_the_documented_columns(tmp_path: Path, seed_path: Path) -> None:
    from newsdesk.export import EVENT_COLUMNS

    out = tmp_path / "events.tsv"
    args = ["export", str(seed_path), "-f", "gdelt-events", "-o", str(out), "--date", "2025-09-02"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(row) == len(EVENT_COLUMNS) for row in rows)


def test_kb_build_from_a_dump(tmp_path: Path) -> None:
    dump = REPO / "tests" / "fixtures" / "entities" / "wikidata_sample.json"
    out = tmp_path / "kb.sqlite"
    result = runner.invoke(app, ["kb", "build", str(dump), "-o", str(out), "--min-sitelinks", "0"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "entities kept" in result.stdout
    missing = runner.invoke(app, ["kb", "build", str(tmp_path / "nope.json"), "-o", str(out)])
    assert missing.exit_code == 2 and f"nope.json: [ND152] no dump there. {HINTS['ND152']}" in missing.stderr
    # The built KB links by context: Georgia among Tbilisi and Russia is the country (Q230).
    story = "Talks in Tbilisi\nGeorgia and Russia held talks in Tbilisi, the capital of Georgia, on Monday."
    linked = runner.invoke(app, ["analyze", "-", "-f", "json", "--kb", str(out)], input=story)
    assert linked.exit_code == 0, linked.output
    ids = {e["name"]: e["wikidata"] for e in json.loads(linked.stdout)["entities"]}
    assert ids.get("Georgia") == "Q230"
    no_kb = runner.invoke(app, ["analyze", "-", "--kb", str(tmp_path / "none.sqlite")], input=story)
    assert no_kb.exit_code == 2 and f"none.sqlite: [ND150] no knowledge base there. {HINTS['ND150']}" in no_kb.stderr


def test_tag_prints_a_trailer_of_the_asked_length(seed_path: Path) -> None:
    result = runner.invoke(app, ["tag", str(seed_path), "-n", "5"])
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert line.startswith("Keywords: ") and line.endswith(".")
    assert len(line.removeprefix("Keywords: ").rstrip(".").split(", ")) == 5
    as_json = runner.invoke(app, ["tag", str(seed_path), "--style", "json", "-n", "3"])
    keywords = json.loads(as_json.stdout)
    assert len(keywords) == 3 and keywords[0]["kind"] == "person"


def test_copyedit_command_text_diff_and_edits(seed_path: Path) -> None:
    text = runner.invoke(app, ["copyedit", str(seed_path)])
    assert text.exit_code == 0, text.output
    assert "then, and" in text.stdout and "other European" in text.stdout
    assert text.stdout.rstrip().endswith("Global Order.") and "Xi Jinping, China," in text.stdout
    diff = runner.invoke(app, ["copyedit", "--diff", str(seed_path)])
    assert diff.stdout.count("\n+") >= 5 and "-the Beijing summit" in diff.stdout
    edits = runner.invoke(app, ["copyedit", "--edits", str(seed_path)])
    assert len(edits.stdout.strip().splitlines()) == 12


def test_learn_names_then_copyedit_with_them(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Chelsea\n\nThey won the Champions League in May.\n", encoding="utf-8")
    (archive / "b.txt").write_text("Milan\n\nFans of the Champions League cheered.\n", encoding="utf-8")
    names = tmp_path / "names.tsv"
    learned = runner.invoke(app, ["learn-names", str(archive), "-o", str(names)])
    assert learned.exit_code == 0, learned.output
    assert "1 name and 0 words from 2 articles" in learned.stdout and "Champions League\t2\t0" in names.read_text()
    story = tmp_path / "story.txt"
    story.write_text("Arsenal\n\nArsenal left the Champions league for Human Rights watch.\n", encoding="utf-8")
    bundled = runner.invoke(app, ["copyedit", str(story)])
    plain = runner.invoke(app, ["copyedit", "--no-house-names", str(story)])
    housed = runner.invoke(app, ["copyedit", "--house-names", str(names), str(story)])
    assert "Champions League for Human Rights Watch" in bundled.stdout
    assert "Champions league for Human Rights watch" in plain.stdout
    # A house's own table replaces the bundled one.
    assert "Champions League for Human Rights watch" in housed.stdout
    both = runner.invoke(app, ["copyedit", "--house-names", str(names), "--no-house-names", str(story)])
    assert both.exit_code == 2 and "not both" in both.output
    names.write_text("not a table\n", encoding="utf-8")
    refused = runner.invoke(app, ["copyedit", "--house-names", str(names), str(story)])
    assert refused.exit_code == 2 and "ND141" in refused.output


def test_format_text_round_trips_through_the_parser(seed_text: str) -> None:
    from newsdesk.ingest.text import format_text, parse_text

    article = parse_text(seed_text)
    again = parse_text(format_text(article))
    assert again.model_dump(exclude={"source"}) == article.model_dump(exclude={"source"})


def test_overlong_article_is_refused_and_the_others_still_run(tmp_path: Path) -> None:
    from newsdesk.ingest import MAX_BODY_CHARS

    big = tmp_path / "big.txt"
    big.write_text("Big story\n" + "The talks went on. " * (MAX_BODY_CHARS // 19 + 10))
    (tmp_path / "small.txt").write_text("Small story\nThe body is fine.")
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 2
    assert "big.txt: [ND107] body of" in result.stderr and "than the limit of 1,000,000. Split it" in result.stderr
    assert [json.loads(line)["headline"] for line in result.stdout.splitlines()] == ["Small story"]


def test_a_date_off_the_calendar_does_not_stop_the_run(tmp_path: Path) -> None:
    lines = [
        {"title": "Old treaty", "text": "Russia and China signed a treaty 3000 years ago.", "date": "2025-09-02"},
        {"title": "Last day", "text": "France will meet Germany in Paris tomorrow.", "date": "9999-12-31"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Good headline\nThe body is fine.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["headline"] for a in analyses] == ["Old treaty", "Last day", "Good headline"]
    # An expression off the calendar stays unresolved: the events keep no time.
    assert all(e["time"] is None for a in analyses[:2] for e in a["events"]) and analyses[1]["events"]


@pytest.mark.parametrize(
    ("command", "good"),
    [
        (["analyze", "-f", "jsonl"], '"headline":"Second story"'),
        (["entities"], "Germany"),
        (["tag", "--style", "json"], '"Germany"'),
        (["export", "-f", "jsonl"], '"headline":"Second story"'),
    ],
)
def test_an_article_whose_analysis_fails_is_refused_and_the_others_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], good: str
) -> None:
    import newsdesk.events

    extract = newsdesk.events.extract_events

    def failing_on_odd_text(doc: Doc, **options: Any) -> list[Event]:
        if "Zzyzx" in doc.text:  # a fault in a component, met on one article's text
            raise IndexError("list index out of range")
        return extract(doc, **options)

    monkeypatch.setattr(newsdesk.events, "extract_events", failing_on_odd_text)
    (tmp_path / "a.txt").write_text("First story\nPeople met in Zzyzx, California, on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second story\nGermany and France signed a treaty in Paris.", encoding="utf-8")
    result = runner.invoke(app, [*command, str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsdesk: error: {tmp_path / 'a.txt'}: [ND200] analysis failed (IndexError: list index out of range). "
        f"{HINTS['ND200']}\n"
    )
    assert good in result.stdout and "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 10, b"SQLite format 3\x00" + b"\x00" * 200])
def test_kb_that_is_no_knowledge_base_is_refused_with_a_code(tmp_path: Path, content: bytes) -> None:
    kb = tmp_path / "kb.sqlite"
    kb.write_bytes(content)
    result = runner.invoke(app, ["analyze", "-", "--kb", str(kb)], input="Headline\nGermany and France met.")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"newsdesk: error: {kb}: [ND151] not a newsdesk knowledge base (")
    assert result.stderr.endswith(f"). {HINTS['ND151']}\n")


def test_kb_build_refuses_a_file_with_no_entities_and_keeps_the_previous_kb(tmp_path: Path) -> None:
    dump = REPO / "tests" / "fixtures" / "entities" / "wikidata_sample.json"
    out = tmp_path / "kb.sqlite"
    assert runner.invoke(app, ["kb", "build", str(dump), "-o", str(out), "--min-sitelinks", "0"]).exit_code == 0
    before = out.read_bytes()
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"title": "Not a dump", "text": "An article."}\n', encoding="utf-8")
    refusals = [(REPO / "README.md", "no Wikidata entities in it"), (articles, "none of its 1 entities kept")]
    for garbage, reason in refusals:
        result = runner.invoke(app, ["kb", "build", str(garbage), "-o", str(out)])
        assert result.exit_code == 2 and "entities kept" not in result.stdout
        assert result.stderr == f"newsdesk: error: {garbage}: [ND153] {reason}. {HINTS['ND153']}\n"
    fake_gz = tmp_path / "dump.json.gz"
    fake_gz.write_bytes(dump.read_bytes())
    result = runner.invoke(app, ["kb", "build", str(fake_gz), "-o", str(out)])
    assert result.exit_code == 2 and f"{fake_gz}: [ND152] cannot be read (" in result.stderr
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "articles.jsonl", "dump.json.gz", "kb.sqlite",
    ]  # fmt: skip
    assert KnowledgeBase(out).meta()["entities"] == "19"


def test_tag_min_score_is_bounded_to_a_share_of_the_best(seed_path: Path) -> None:
    result = runner.invoke(app, ["tag", str(seed_path), "--min-score", "2"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and result.exception is not None and not isinstance(result.exception, ValueError)
    assert "Invalid value for '--min-score': Input should be less than or equal to 1" in result.output
    assert "share of the best one's score" in runner.invoke(app, ["tag", "--help"], env={"COLUMNS": "200"}).stdout


def test_copyedit_diff_and_edits_are_exclusive(seed_path: Path) -> None:
    result = runner.invoke(app, ["copyedit", "--diff", "--edits", str(seed_path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "newsdesk: error: give --diff or --edits, not both\n"


def test_help_says_what_the_options_do() -> None:
    wide = {"COLUMNS": "300"}
    assert "Build the knowledge base" in runner.invoke(app, ["--help"], env=wide).stdout
    preset = runner.invoke(app, ["copyedit", "--help"], env=wide).stdout
    assert "precision: only near-certain fixes; recall:" in preset
    min_uses = runner.invoke(app, ["learn-names", "--help"], env=wide).stdout
    assert "needs 10, or this if more" in min_uses and "[default: 1]" in min_uses


@pytest.mark.parametrize(
    "command",
    [
        ["export", "{story}", "-o", "{dir}"],
        ["export", "{story}", "-o", "/nonexistent/x"],
        ["learn-names", "{story}", "-o", "/nonexistent/x"],
        ["schema", "-o", "/nonexistent/x"],
        ["schema", "-o", "{dir}"],
    ],
)
def test_an_output_that_cannot_be_written_is_refused_with_a_code(tmp_path: Path, command: list[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Good headline\nThe body is fine.\n", encoding="utf-8")
    args = [arg.format(story=story, dir=tmp_path) for arg in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "[ND160] cannot be written" in result.stderr and HINTS["ND160"] in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_learn_names_checks_its_output_before_reading(tmp_path: Path) -> None:
    # The archive is not read at all (its refusal would come first): no hour-long run lost at the end.
    result = runner.invoke(app, ["learn-names", str(tmp_path / "missing"), "-o", "/nonexistent/x"])
    assert result.exit_code == 2 and "ND101" not in result.stderr and "ND160" in result.stderr


@pytest.mark.parametrize("value", ["99999999999999999999999", "0", "-5"])
def test_max_bytes_out_of_range_is_a_usage_error(tmp_path: Path, value: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Good headline\nThe body is fine.\n", encoding="utf-8")
    result = runner.invoke(app, ["copyedit", "--max-bytes", value, str(story)])
    assert result.exit_code == 2 and "--max-bytes" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
