"""End-to-end tests of the editing features through pytest-lsp: find references, rename
(to a non-ASCII name and back), semantic tokens with the quotes' match levels, and "Fix
all". Each runs with the VS Code (UTF-16) and Neovim (UTF-8) capabilities of conftest.py.

Run: python3 -m pytest tests/e2e
"""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import Workspace
from test_lsp import diagnostics, encoding, open_document, position, units


def apply_edits(client: LanguageClient, text: str, edits: list[types.TextEdit]) -> str:
    """`text` with `edits` applied, positions read in the session's encoding."""
    enc = encoding(client)
    lines = text.split("\n")

    def index(p: types.Position) -> int:
        start = sum(len(l) + 1 for l in lines[: p.line])
        line = lines[p.line]
        # The character index whose code-unit offset is p.character.
        i = 0
        while i < len(line) and units(line[:i], enc) < p.character:
            i += 1
        return start + i

    spans = sorted(((index(e.range.start), index(e.range.end), e.new_text) for e in edits), reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text


async def test_references_of_an_actor(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    await diagnostics(client, uri, 1)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position(client, text, "actor Russian Foreign Ministry", 8),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    here = [r for r in refs if r.uri == uri]
    assert len(here) == 4, here  # declaration, aliases Moscow and Russia, one source
    assert any(r.uri == Workspace.uri(client.workspace.article) for r in refs)


async def test_rename_to_a_non_ascii_name_and_back(client: LanguageClient):
    uri, text = open_document(client, client.workspace.clean)
    await diagnostics(client, uri, 1)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position(client, text, "  source: Omer Celik", 12),
            new_name="Ömer Çelik 𝒜",
        )
    )
    renamed = apply_edits(client, text, edit.changes[uri])
    assert "actor Ömer Çelik 𝒜\n" in renamed and "  source: Ömer Çelik 𝒜\n" in renamed
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=renamed)],
        )
    )
    await diagnostics(client, uri, 2)
    # The cursor past the astral character: its code units differ in UTF-8 and UTF-16.
    back = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position(client, renamed, "  source: Ömer Çelik 𝒜", len("  source: Ömer Çelik 𝒜")),
            new_name="Omer Celik",
        )
    )
    assert apply_edits(client, renamed, back.changes[uri]) == text


async def test_semantic_tokens_mark_a_near_miss_quote(client: LanguageClient):
    ws = client.workspace
    uri, text = open_document(client, ws.broken)
    await diagnostics(client, uri, 1)
    legend = client.init_result.capabilities.semantic_tokens_provider.legend
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    data = tokens.data
    lines = text.split("\n")
    enc = encoding(client)
    found = {}
    line = start = 0
    for i in range(0, len(data), 5):
        dl, ds, length, kind, mods = data[i : i + 5]
        line += dl
        start = start + ds if dl == 0 else ds
        # The token's text: characters whose code units fall in [start, start + length).
        chars = lines[line]
        a = next(k for k in range(len(chars) + 1) if units(chars[:k], enc) >= start)
        b = next(k for k in range(len(chars) + 1) if units(chars[:k], enc) >= start + length)
        names = [m for bit, m in enumerate(legend.token_modifiers) if mods >> bit & 1]
        found[chars[a:b]] = (legend.token_types[kind], names)
    assert found["he did not know who was fundng the operation"] == ("string", ["nearMiss"])
    assert found["Syrian national"][0] == "class"
    assert found["claim"] == ("keyword", [])


async def test_fix_all_repairs_every_safe_finding(client: LanguageClient):
    ws = client.workspace
    uri, text = open_document(client, ws.broken)
    await diagnostics(client, uri, 1)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    fix_all = [a for a in actions if a.kind == "source.fixAll.claimls"]
    assert len(fix_all) == 1, actions
    fixed = apply_edits(client, text, fix_all[0].edit.changes[uri])
    assert "he did not know who was funding the operation" in fixed
    assert "assertz" not in fixed
    assert fixed.count("\nclaim ") == text.count("\nclaim "), "every claim kept"
