"""The language server: diagnostics on open, change (debounced) and save; quick fixes from the
findings' fixes and a ``# noqa`` action; configuration read from the workspace exactly as
``flake8-dbsession check`` reads it.

Cross-module knowledge comes from the files on disk and the open buffers: the project index reads
an open file's buffer instead of the disk (:data:`project.index.OPEN_BUFFERS`). When a buffer
changes, that document is linted first; then what was learnt from the project is forgotten and the
other open documents are linted again, so editing ``app/db.py`` updates the modules importing it.
Linting runs on the server's event loop, one document at a time (the analysis caches are per
process, not per thread).
"""
from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from flake8_dbsession import __version__
from flake8_dbsession.analysis import forget_sources
from flake8_dbsession.cli.config import ConfigError, ConfigFinder
from flake8_dbsession.cli.files import Target, excluded, excluded_upward
from flake8_dbsession.cli.lint import FileResult, Options, lint_lines
from flake8_dbsession.lsp import convert
from flake8_dbsession.project.index import OPEN_BUFFERS

DEBOUNCE_SECONDS = 0.15


@dataclass
class Linted:
    version: int | None
    lines: list[str]
    result: FileResult


class DBSessionServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flake8-dbsession", __version__)
        self.finder: ConfigFinder | None = None
        self.debounce = DEBOUNCE_SECONDS
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}

    # ------------------------------------------------------------------ linting
    def config_finder(self) -> ConfigFinder:
        if self.finder is None:
            root = self.workspace.root_path or os.getcwd()
            self.finder = ConfigFinder(root)
        return self.finder

    def lint(self, uri: str) -> None:
        """Lint the document as it is now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            return
        lines = document.source.splitlines(keepends=True)
        try:
            config = self.config_finder().for_dir(os.path.dirname(path))
        except ConfigError as exc:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=f"flake8-dbsession: {exc}"))
            return
        result = FileResult(path, path)
        if not excluded_upward(path, lambda where, _: excluded(where, config), config.root):
            result = lint_lines(Target(path, path, config), Options(), lines)
        self.linted[uri] = Linted(document.version, lines, result)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version,
            diagnostics=[convert.diagnostic(document, lines, f) for f in result.findings]))

    def buffer_changed(self, uri: str, lint_others: bool = True) -> None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None:
            OPEN_BUFFERS[os.path.abspath(path)] = self.workspace.get_text_document(uri).source
        forget_sources()  # what other modules learnt about this one is stale
        self.lint(uri)
        if lint_others:
            for other in [u for u in self.linted if u != uri]:
                self.lint(other)

    def schedule(self, uri: str) -> None:
        """Lint after the edits stop for ``debounce`` seconds."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.buffer_changed(uri)
        self.pending[uri] = asyncio.ensure_future(later())

    # ------------------------------------------------------------------ code actions
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version:
            self.lint(uri)
            linted = self.linted.get(uri)
        if linted is None:
            return []
        actions = []
        wanted = params.range
        for finding, row in zip(linted.result.findings, linted.result.noqa_rows):
            diag = convert.diagnostic(document, linted.lines, finding)
            if diag.range.end.line < wanted.start.line or diag.range.start.line > wanted.end.line:
                continue
            fix = finding.fix
            if fix is not None:
                title = f"{fix.title} ({finding.code})" + ("" if fix.safe else " [unsafe]")
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=fix.safe,
                    edit=self._edit(document, uri, convert.text_edits(document, linted.lines, fix))))
            actions.append(types.CodeAction(
                title=f"Disable {finding.code} for this line", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=self._edit(document, uri, [convert.noqa_edit(document, linted.lines, finding.code, row)])))
        return actions

    @staticmethod
    def _edit(document, uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version),
            edits=edits)])


def build() -> DBSessionServer:
    server = DBSessionServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: DBSessionServer, params: types.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(0.0, options["debounce"] / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: DBSessionServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.buffer_changed(params.text_document.uri, lint_others=False)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: DBSessionServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: DBSessionServer, params: types.DidSaveTextDocumentParams) -> None:
        task = ls.pending.pop(params.text_document.uri, None)
        if task is not None:
            task.cancel()
        forget_sources(files_changed=True)
        ls.finder = None  # a saved configuration file applies from now on
        ls.buffer_changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: DBSessionServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None:
            OPEN_BUFFERS.pop(os.path.abspath(path), None)
        forget_sources()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: DBSessionServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def serve() -> int:
    build().start_io()
    return 0
