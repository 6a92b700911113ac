"""Fixtures of the end-to-end tests: the real `claimls lsp` driven by pytest-lsp.

The server binary is $CLAIMLS_BIN, else target/debug/claimls of this repository.
When it is missing the tests are skipped, except under CI=true, where they fail.

Every test gets its own workspace, a temporary folder with copies of the bundled
example: the article, its annotation as `clean.claims`, and `broken.claims`, the
annotation with the changes in `BREAKAGES`. Every test also gets its own server
process, initialized once with the capabilities VS Code sends (positions in UTF-16)
and once with Neovim 0.11's (which offer UTF-8, so the server picks UTF-8).
"""

from __future__ import annotations

import os
import pathlib
import shutil
from dataclasses import dataclass

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from pygls.protocol import default_converter

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = "000_a935861ad7be96ce"
BIN = pathlib.Path(os.environ.get("CLAIMLS_BIN") or REPO / "target" / "debug" / "claimls")
IN_CI = os.environ.get("CI") == "true"

# What `broken.claims` changes in the clean example; each change gives one finding.
TYPO = ("quote: he did not know who was funding the operation",
        "quote: he did not know who was fundng the operation")  # C011 quote-near-miss
STANCE = ("quote: security work was the only way he can do so\n  stance: asserts",
          "quote: security work was the only way he can do so\n  stance: assertz")  # C042
UNUSED = ("actor Omer Celik\n",
          "actor Donald Trump\n  kind: person\n\nactor Omer Celik\n")  # C043 unused-actor
BREAKAGES = [TYPO, STANCE, UNUSED]

CLIENTS = ["visual-studio-code", "neovim@v0.11.0"]


def pytest_report_header(config):
    return f"claimls server: {BIN} lsp"


def pytest_collection_modifyitems(config, items):
    if BIN.is_file() and os.access(BIN, os.X_OK):
        return
    message = f"claimls binary not found at {BIN}: run `cargo build` or set CLAIMLS_BIN"
    if IN_CI:
        # A missing server must never turn into a green run.
        raise pytest.UsageError(message + " (CI=true forbids skipping)")
    # The test runner counts a suite that says SKIP as skipped, never as passed.
    print(f"\nSKIP: {message}")
    for item in items:
        item.add_marker(pytest.mark.skip(reason=message))


@dataclass
class Workspace:
    root: pathlib.Path
    article: pathlib.Path
    clean: pathlib.Path
    broken: pathlib.Path

    @staticmethod
    def uri(path: pathlib.Path) -> str:
        return path.resolve().as_uri()


def make_workspace(root: pathlib.Path) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    article = root / f"{EXAMPLE}.txt"
    shutil.copyfile(REPO / "examples" / f"{EXAMPLE}.txt", article)
    text = (REPO / "examples" / f"{EXAMPLE}.claims").read_text(encoding="utf-8")
    clean = root / "clean.claims"
    clean.write_text(text, encoding="utf-8")
    for old, new in BREAKAGES:
        assert text.count(old) == 1, f"the example changed: {old!r} is not in it once"
        text = text.replace(old, new)
    broken = root / "broken.claims"
    broken.write_text(text, encoding="utf-8")
    return Workspace(root=root, article=article, clean=clean, broken=broken)


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics whole (with its
    version) in `client.published`, oldest first, and accepts dynamic registrations
    (`client.registrations`) and `workspace/semanticTokens/refresh`, as VS Code does."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    keep_diagnostics = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def publish_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.published.append(params)
        keep_diagnostics(client, params)

    def register_capability(client: LanguageClient, params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    def semantic_tokens_refresh(client: LanguageClient, params):
        # The server asks for tokens again when quotes' match levels change; VS Code
        # answers and re-requests. Counted, for the tests that look.
        client.token_refreshes += 1
        return None

    client.token_refreshes = 0
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish_diagnostics
    features[types.CLIENT_REGISTER_CAPABILITY] = register_capability
    features[types.WORKSPACE_SEMANTIC_TOKENS_REFRESH] = semantic_tokens_refresh
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[str(BIN), "lsp"], client_factory=make_client),
    params=CLIENTS,
)
async def client(lsp_client: LanguageClient, workspace: Workspace, request):
    lsp_client.workspace = workspace
    lsp_client.init_result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            workspace_folders=[
                types.WorkspaceFolder(uri=Workspace.uri(workspace.root), name="ws")
            ],
            initialization_options={"debounceMs": 0},
        )
    )
    yield
    # A test that shut the server down itself leaves nothing to do.
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()
