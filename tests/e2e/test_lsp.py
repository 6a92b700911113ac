"""End-to-end tests of `claimls lsp`: the real binary, over stdio, driven by pytest-lsp.

Each test runs twice, with the capabilities of VS Code (positions in UTF-16) and of
Neovim 0.11 (UTF-8 offered, so the server picks it); see conftest.py. Expected
positions are computed from the files' text in the negotiated encoding.

Run: python3 -m pytest tests/e2e   (CLAIMLS_BIN=/path/to/claimls to pick the binary)
"""

from __future__ import annotations

import asyncio
import re
import tomllib

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import REPO, TYPO, Workspace

TIMEOUT = 20.0  # seconds; the debug build checks the example in milliseconds


# ----------------------------------------------------------------------------- helpers


def encoding(client: LanguageClient) -> str:
    kind = client.init_result.capabilities.position_encoding
    return str(getattr(kind, "value", kind))


def units(text: str, enc: str) -> int:
    """The length of `text` in the code units of the position encoding."""
    if enc == "utf-8":
        return len(text.encode("utf-8"))
    if enc == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def pos_at(client: LanguageClient, text: str, index: int) -> types.Position:
    """The position of the character at `index` in `text`."""
    line = text.count("\n", 0, index)
    start_of_line = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=units(text[start_of_line:index], encoding(client)))


def position(client: LanguageClient, text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of the first `needle` in `text` (plus `offset` characters)."""
    return pos_at(client, text, text.index(needle) + offset)


def span(client: LanguageClient, text: str, needle: str) -> types.Range:
    """The range of the first `needle` in `text`."""
    return types.Range(
        start=position(client, text, needle),
        end=position(client, text, needle, len(needle)),
    )


def open_document(client: LanguageClient, path, text: str | None = None, version: int = 1) -> tuple[str, str]:
    if text is None:
        text = path.read_text(encoding="utf-8")
    uri = Workspace.uri(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="claims", version=version, text=text)
        )
    )
    return uri, text


def change(client: LanguageClient, uri: str, version: int, rng: types.Range, new_text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=new_text)],
        )
    )


async def diagnostics(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for `uri` at `version` (waits for them)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while True:
        for p in client.published:
            if p.uri == uri and p.version == version:
                return list(p.diagnostics)
        if loop.time() > deadline:
            seen = [(p.uri, p.version) for p in client.published]
            pytest.fail(f"no diagnostics for {uri} version {version} within {TIMEOUT}s; got {seen}")
        await asyncio.sleep(0.01)


def by_code(diags: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    codes = [str(d.code) for d in diags]
    assert len(codes) == len(set(codes)), f"one diagnostic per code expected: {codes}"
    return {str(d.code): d for d in diags}


def pos_params(uri: str, pos: types.Position) -> dict:
    return {"text_document": types.TextDocumentIdentifier(uri=uri), "position": pos}


# ----------------------------------------------------------------------------- lifecycle


async def test_initialize_advertises_the_server(client: LanguageClient):
    result = client.init_result
    version = tomllib.loads((REPO / "Cargo.toml").read_text())["package"]["version"]
    assert result.server_info is not None
    assert (result.server_info.name, result.server_info.version) == ("claimls", version)

    offered = client.capabilities.general and client.capabilities.general.position_encodings
    want = "utf-8" if offered and types.PositionEncodingKind.Utf8 in offered else "utf-16"
    assert encoding(client) == want

    caps = result.capabilities
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.text_document_sync.open_close is True
    assert caps.hover_provider is True
    assert caps.definition_provider is True
    assert caps.document_symbol_provider is True
    assert set(caps.completion_provider.trigger_characters) == {":", " "}


async def test_articles_are_watched_when_the_client_allows_dynamic_registration(client: LanguageClient):
    workspace_caps = client.capabilities.workspace
    dynamic = bool(
        workspace_caps
        and workspace_caps.did_change_watched_files
        and workspace_caps.did_change_watched_files.dynamic_registration
    )
    # The registration is sent after `initialized`; a request round trip lets it arrive.
    uri, _ = open_document(client, client.workspace.clean)
    await diagnostics(client, uri, 1)
    await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )

    def watched():
        return [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]

    if not dynamic:
        assert watched() == []
        return
    for _ in range(int(TIMEOUT * 100)):
        if watched():
            break
        await asyncio.sleep(0.01)
    registered = watched()
    assert len(registered) == 1
    globs = {w["globPattern"] for w in registered[0].register_options["watchers"]}
    assert {"**/*.txt", "**/*.claims", "**/claimls.toml"} <= globs


async def test_shutdown_then_exit_ends_the_server_with_status_0(client: LanguageClient):
    server = client._server
    await client.shutdown_session()  # shutdown request, exit notification, wait
    assert server.returncode == 0
    errors = [m.message for m in client.log_messages if m.type == types.MessageType.Error]
    assert errors == []


# ----------------------------------------------------------------------------- diagnostics


async def test_clean_example_has_no_diagnostics(client: LanguageClient):
    uri, _ = open_document(client, client.workspace.clean)
    assert await diagnostics(client, uri, 1) == []


async def test_broken_copy_codes_ranges_and_related_article_text(client: LanguageClient):
    ws = client.workspace
    uri, text = open_document(client, ws.broken)
    article = ws.article.read_text(encoding="utf-8")
    found = by_code(await diagnostics(client, uri, 1))
    assert sorted(found) == ["C011", "C042", "C043"]
    for d in found.values():
        assert d.source == "claimls"

    # C011: the whole quote value, an error, with the article's text as related information
    # and the replacement as a quick fix.
    typo = found["C011"]
    assert typo.severity == types.DiagnosticSeverity.Error
    assert typo.range == span(client, text, "he did not know who was fundng the operation")
    assert "`fundng` should be `funding`" in typo.message
    related = typo.related_information
    assert related and related[0].location.uri == Workspace.uri(ws.article)
    assert related[0].location.range == span(client, article, "he did not know who was funding the operation")
    assert related[0].message == "closest text in the article"
    fix = typo.data["fix"]
    assert fix["edits"][0]["newText"] == "he did not know who was funding the operation"

    # C042: the stance value, with the suggestion.
    stance = found["C042"]
    assert stance.severity == types.DiagnosticSeverity.Error
    assert stance.range == span(client, text, "assertz")
    assert "did you mean `asserts`" in stance.message

    # C043: the unused actor's name, a hint tagged unnecessary.
    unused = found["C043"]
    assert unused.severity == types.DiagnosticSeverity.Hint
    assert list(unused.tags) == [types.DiagnosticTag.Unnecessary]
    assert unused.range == types.Range(
        start=position(client, text, "Donald Trump\n  kind"),
        end=position(client, text, "Donald Trump\n  kind", len("Donald Trump")),
    )


async def test_incremental_edits_recheck_and_move_diagnostics(client: LanguageClient):
    uri, text = open_document(client, client.workspace.broken)
    first = by_code(await diagnostics(client, uri, 1))
    assert sorted(first) == ["C011", "C042", "C043"]

    # Fix the typo in place: the near miss goes, the rest stays where it was.
    change(client, uri, 2, span(client, text, "fundng"), "funding")
    second = by_code(await diagnostics(client, uri, 2))
    assert sorted(second) == ["C042", "C043"]
    assert second["C042"].range == first["C042"].range

    # A comment line inserted at the top moves every finding one line down.
    change(client, uri, 3, types.Range(start=types.Position(0, 0), end=types.Position(0, 0)), "# edited\n")
    third = by_code(await diagnostics(client, uri, 3))
    assert sorted(third) == ["C042", "C043"]
    for code in third:
        assert third[code].range.start.line == second[code].range.start.line + 1
        assert third[code].range.start.character == second[code].range.start.character


async def test_many_edits_end_where_a_fresh_open_of_the_same_text_does(client: LanguageClient):
    """80 random edits in the claims (words, line breaks, deleted runs, Cyrillic and
    emoji), sent as a real client sends them, each after the diagnostics of the one
    before (so that the server carries its parse over and parses each edit
    incrementally). Its last diagnostics must equal those of the same text opened
    afresh."""
    import random

    rng = random.Random(5)
    uri, text = open_document(client, client.workspace.broken)
    await diagnostics(client, uri, 1)
    first_block = text.index("\nactor ") + 1
    pieces = ["x", "Москва ", "\U0001f642", "\n", "\n  note: n\n", "  ", ",", "said "]
    version = 1
    for _ in range(80):
        at = rng.randrange(first_block, len(text))
        end = min(len(text), at + rng.choice([0, 0, 1, 3, 12]))
        new = rng.choice(pieces) if rng.random() < 0.8 else ""
        version += 1
        change(client, uri, version, types.Range(start=pos_at(client, text, at), end=pos_at(client, text, end)), new)
        text = text[:at] + new + text[end:]
        await diagnostics(client, uri, version)
    edited = await diagnostics(client, uri, version)

    fresh_path = client.workspace.root / "fresh.claims"
    fresh_path.write_text(text, encoding="utf-8")
    fresh_uri, _ = open_document(client, fresh_path, text)
    fresh = await diagnostics(client, fresh_uri, 1)

    def comparable(diags, own_uri):
        out = []
        for d in diags:
            related = [
                (r.location.uri == own_uri, r.location.range, r.message)
                for r in d.related_information or []
            ]
            out.append((str(d.code), d.range, d.message, d.severity, related))
        return out

    assert len(edited) > 3, "the edits leave findings to compare"
    assert comparable(edited, uri) == comparable(fresh, fresh_uri)


async def test_non_ascii_text_positions_in_the_negotiated_encoding(client: LanguageClient):
    """A quote with Cyrillic words and an article line with an emoji before the quote:
    ranges on both sides, and an incremental edit, in the negotiated code units."""
    ws = client.workspace
    article = ws.article.read_text(encoding="utf-8").replace(
        "The Syrian man said he did not know who was funding the operation",
        "The Syrian man \U0001f642 said he did not know who was funding the Ураган operation",
    )
    (ws.root / "unicode.txt").write_text(article, encoding="utf-8")
    text = ws.clean.read_text(encoding="utf-8").replace(
        "article: 000_a935861ad7be96ce.txt", "article: unicode.txt"
    ).replace(TYPO[0], "quote: he did not know who was funding the Ураган operaton")
    path = ws.root / "unicode.claims"
    path.write_text(text, encoding="utf-8")

    uri, text = open_document(client, path)
    found = by_code(await diagnostics(client, uri, 1))
    assert sorted(found) == ["C011"]
    assert found["C011"].range == span(client, text, "he did not know who was funding the Ураган operaton")
    related = found["C011"].related_information[0].location
    assert related.uri == Workspace.uri(ws.root / "unicode.txt")
    assert related.range == span(client, article, "he did not know who was funding the Ураган operation")

    change(client, uri, 2, span(client, text, "operaton"), "operation")
    assert await diagnostics(client, uri, 2) == []


# ----------------------------------------------------------------------------- hover


async def test_hover_on_a_quote_shows_the_article_sentence_in_bold(client: LanguageClient):
    uri, text = open_document(client, client.workspace.broken)
    await diagnostics(client, uri, 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(**pos_params(uri, position(client, text, "fundng the operation")))
    )
    assert hover is not None
    assert hover.contents.kind == types.MarkupKind.Markdown
    md = hover.contents.value
    assert "> The Syrian man said **he did not know who was funding the operation** and that" in md
    assert "near miss" in md and "line 9" in md
    assert "`fundng` → `funding`" in md
    assert hover.range == span(client, text, "he did not know who was fundng the operation")


async def test_hover_on_a_two_line_quote_bolds_the_exact_match(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    hover = await client.text_document_hover_async(
        types.HoverParams(**pos_params(uri, position(client, text, "Moscow was concerned", 3)))
    )
    md = hover.contents.value
    assert md.startswith("**quote** · exact")
    assert (
        "**Moscow was concerned over reports about the transfer of militants of illegal "
        "armed groups to the Nagorno-Karabakh conflict zone**"
    ) in md
    # The hover covers the quote value, continuation line included.
    start = position(client, text, "Moscow was concerned")
    assert hover.range.start == start
    assert hover.range.end.line == start.line + 1


async def test_hover_on_a_source_shows_the_actor_card(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    hover = await client.text_document_hover_async(
        types.HoverParams(**pos_params(uri, position(client, text, "source: Syrian national", len("source: Syr"))))
    )
    md = hover.contents.value
    # Who the article credits with this claim's quote, then the actor card.
    assert md.startswith(
        "The article credits: Syrian national (said, paragraph 3) via CNN, published by UrduPoint News / Sputnik\n"
    ), md
    assert "\n### Syrian national\n" in md
    assert "*anonymous*" in md
    assert "**Also called:** The man, Syrian man, former rebel" in md
    assert "**Mentioned 5 times** in the article" in md
    assert "`sna-contracts`, `funding-unknown`, `thousand-fighters`, `poverty-motive`, `only-way` as source" in md
    assert hover.range == types.Range(
        start=position(client, text, "source: Syrian national", len("source: ")),
        end=position(client, text, "source: Syrian national", len("source: Syrian national")),
    )


# ----------------------------------------------------------------------------- completion


async def test_completion_after_source_offers_the_nearest_actor_first(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    await diagnostics(client, uri, 1)
    # Empty the `source:` value of claim moscow-concern, then complete there.
    claim = text.index("claim moscow-concern")
    value = text.index("source: Russian Foreign Ministry", claim) + len("source: ")
    value_end = text.index("\n", value)
    rng = types.Range(start=pos_at(client, text, value), end=pos_at(client, text, value_end))
    change(client, uri, 2, rng, "")
    text = text[:value] + text[value_end:]
    cursor = pos_at(client, text, value)

    result = await client.text_document_completion_async(
        types.CompletionParams(
            **pos_params(uri, cursor),
            context=types.CompletionContext(
                trigger_kind=types.CompletionTriggerKind.TriggerCharacter, trigger_character=" "
            ),
        )
    )
    assert result is not None
    items = result.items if isinstance(result, types.CompletionList) else result
    items = sorted(items, key=lambda i: i.sort_text or i.label)
    labels = [i.label for i in items]

    # The speaker of this claim, declared and in the quote's sentence, comes first; its
    # alias is offered too, and the article's "the Russian Foreign Ministry" is the same
    # actor, so it is not offered twice.
    assert labels[0] == "Russian Foreign Ministry"
    assert "Moscow" in labels
    assert "the Russian Foreign Ministry" not in labels
    first = items[0]
    assert first.detail == "government · 4 mentions"
    assert first.text_edit.new_text == "Russian Foreign Ministry"
    assert first.text_edit.range == types.Range(start=cursor, end=cursor)
    assert first.filter_text == "Russian Foreign Ministry"

    # Every declared actor is offered, and so are names the article mentions.
    declared = re.findall(r"^actor (.+)$", text, flags=re.M)
    assert len(declared) == 13
    assert set(declared) <= set(labels)
    for name in ["Vladimir Putin", "Donald Trump", "Bashar Assad"]:
        assert name in labels
    # Same paragraph before the rest: Putin (the next paragraph) after the sentence's names.
    assert labels.index("Russian Foreign Ministry") < labels.index("Vladimir Putin")


# ----------------------------------------------------------------------------- navigation


async def test_definition_of_a_quote_is_its_text_in_the_article(client: LanguageClient):
    ws = client.workspace
    uri, text = open_document(client, ws.broken)
    article = ws.article.read_text(encoding="utf-8")
    result = await client.text_document_definition_async(
        types.DefinitionParams(**pos_params(uri, position(client, text, "fundng the operation")))
    )
    location = result[0] if isinstance(result, list) else result
    assert location.uri == Workspace.uri(ws.article)
    assert location.range == span(client, article, "he did not know who was funding the operation")


async def test_definition_of_a_source_is_the_actor_declaration(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    result = await client.text_document_definition_async(
        types.DefinitionParams(**pos_params(uri, position(client, text, "source: Omer Celik", len("source: O"))))
    )
    location = result[0] if isinstance(result, list) else result
    assert location.uri == uri
    assert location.range.start == position(client, text, "actor Omer Celik", len("actor "))


async def test_document_symbols_outline_actors_and_claims(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert symbols and all(isinstance(s, types.DocumentSymbol) for s in symbols)
    actors = [s for s in symbols if s.kind == types.SymbolKind.Class]
    claims = [s for s in symbols if s.kind == types.SymbolKind.Event]
    assert [a.name for a in actors] == re.findall(r"^actor (.+)$", text, flags=re.M)
    assert [c.name for c in claims] == re.findall(r"^claim (\S+)$", text, flags=re.M)
    details = {c.name: c.detail for c in claims}
    assert details["sna-contracts"] == "Syrian national via CNN"
    assert details["moscow-concern"] == "Russian Foreign Ministry"
    moscow = next(c for c in claims if c.name == "moscow-concern")
    assert moscow.selection_range == types.Range(
        start=position(client, text, "claim moscow-concern", len("claim ")),
        end=position(client, text, "claim moscow-concern", len("claim moscow-concern")),
    )
    children = {c.name: c.detail for c in moscow.children or []}
    assert children["source"] == "Russian Foreign Ministry"
    assert children["stance"] == "concerns"
    cnn = next(a for a in actors if a.name == "CNN")
    assert [(c.name, c.detail) for c in cnn.children or []] == [("the report", "alias")]
    assert cnn.detail == "outlet"


# ----------------------------------------------------------------------------- coverage


async def test_open_article_marks_an_unannotated_statement_and_adds_its_claim(client: LanguageClient):
    ws = client.workspace
    article = ws.article.read_text(encoding="utf-8")
    clean = ws.clean.read_text(encoding="utf-8")
    only_way = ("claim only-way\n  source: Syrian national\n  via: CNN\n  cue: said\n"
                "  quote: security work was the only way he can do so\n  stance: asserts\n\n")
    assert clean.count(only_way) == 1, "the example changed"
    partial = clean.replace(only_way, "")

    # The article open in the editor, then the annotation that leaves one statement out.
    article_uri = Workspace.uri(ws.article)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=article_uri, language_id="plaintext", version=1, text=article)
        )
    )
    uri, _ = open_document(client, ws.clean, partial)
    found = await diagnostics(client, uri, 1)
    assert [str(d.code) for d in found] == ["C050"]
    assert found[0].severity == types.DiagnosticSeverity.Information

    # The article's buffer gets one mark, on the statement itself.
    marks = await diagnostics(client, article_uri, 1)
    assert len(marks) == 1, marks
    assert str(marks[0].code) == "C050"
    assert marks[0].range == span(client, article, "security work was the only way he can do so")

    # "Add a claim for this statement" edits the annotation, not the article.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=article_uri),
            range=marks[0].range,
            context=types.CodeActionContext(diagnostics=marks),
        )
    )
    assert actions and actions[0].title == "Add a claim for this statement"
    edits = actions[0].edit.changes[uri]
    assert "  quote: security work was the only way he can do so\n" in edits[0].new_text
    assert "  source: Syrian national\n" in edits[0].new_text

    # Applied as the editor applies it: nothing is left unannotated, and nothing is wrong.
    change(client, uri, 2, edits[0].range, edits[0].new_text)
    assert await diagnostics(client, uri, 2) == []
