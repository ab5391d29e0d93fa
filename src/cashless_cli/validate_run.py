"""``cashless validate`` as one library call: rosters in, reports and marked copies out.

:func:`validate_paths` lists the rosters under the paths given, applies the workspace (its base
levels and the accounts the Post Office opened) when there is one, checks every file, writes the
annotated copies asked for, and says which exit code the run deserves. It prints nothing: the
caller renders :class:`ValidateRun` (``report/terminal.py``, ``report/json_report.py``).

A misuse (no roster in the paths, ``--annotate`` with several files...) is refused with a
:class:`UsageError` before any file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cashless_cli.errors import UserError
from cashless_cli.i18n import Lang
from cashless_cli.problems import Severity
from cashless_cli.schema.month import Month
from cashless_cli.validation import (
    FileReport,
    Options,
    apply_known_accounts,
    iter_roster_paths,
    validate_file,
)

if TYPE_CHECKING:
    from cashless_cli.checks.accounts import KnownAccount
    from cashless_cli.read.mapping import ColumnMapping
    from cashless_cli.workspace.config import Workspace
    from cashless_cli.write.annotate import Annotated, AnnotateError

OK, PROBLEMS, UNUSABLE = 0, 1, 2  # the exit codes of cashless validate


class UsageError(UserError):
    """Options that cannot work together, or paths with no roster (a catalogue code; its hint
    says what to do instead)."""


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    """What ``cashless validate`` was asked to do."""

    paths: list[Path]
    commune: str | None = None
    month: Month | None = None
    workspace: Path | None = None  # None: the current folder when it has cashless.toml
    annotate: Path | None = None  # one marked copy, of the one roster
    annotate_dir: Path | None = None  # a marked copy of every roster, in this folder
    lang: Lang = "en"  # the language of the marks in the copies
    mapping: ColumnMapping | None = None  # --map, on top of the workspace's [mapping]


@dataclass(frozen=True, slots=True)
class AnnotateOutcome:
    """What became of one roster's marked copy: written, refused, or not tried (unreadable)."""

    report: FileReport
    done: Annotated | None = None
    error: AnnotateError | None = None


@dataclass(slots=True)
class ValidateRun:
    reports: list[FileReport]
    annotated: list[AnnotateOutcome] = field(default_factory=list)
    annotate_folder_error: UserError | None = None  # the --annotate-dir folder cannot be made

    @property
    def exit_code(self) -> int:
        """0 no errors (warnings allowed); 1 errors found; 2 a file could not be read or
        annotated."""
        if any(a.error is not None for a in self.annotated) or any(
            r.error is not None for r in self.reports
        ):
            return UNUSABLE
        if any(r.count(Severity.ERROR) for r in self.reports):
            return PROBLEMS
        return OK


def validate_paths(request: ValidateRequest) -> ValidateRun:
    """Check every roster under ``request.paths``; write the marked copies asked for."""
    files = iter_roster_paths(request.paths)
    if not files:
        raise UsageError("validate-no-rosters")
    _check_annotate_options(request, files)
    options = Options(commune=request.commune, month=request.month)
    if request.mapping is not None:
        options = replace(options, mapping=request.mapping)
    known: dict[str, KnownAccount] = {}
    ws = _workspace(request.workspace)
    if ws is not None:
        from cashless_cli.replies.answers import known_accounts

        if request.mapping is not None:
            ws = replace(ws, overrides=request.mapping)
        options = replace(options, base_levels=ws.area.base_levels, mapping=ws.mapping)
        known = known_accounts(ws)
    reports = [_validate_in_place(path, options, request.month is None) for path in files]
    for report in reports:
        apply_known_accounts(report, known)
    run = ValidateRun(reports)
    if request.annotate is not None or request.annotate_dir is not None:
        _annotate(run, request.annotate, request.annotate_dir, request.lang)
    return run


def _validate_in_place(path: Path, options: Options, by_folder: bool) -> FileReport:
    """``path`` checked as the month's commands will check it: a roster in a month's folder
    (``rosters/2025-08/``) is of that month unless ``--month`` says otherwise, so one whose
    title says another month gets the finding summarize and the exports act on (they use none
    of its rows), not a tick."""
    month = Month.of_folder(path.parent.name) if by_folder else None
    if month is None:
        return validate_file(path, options)
    report = validate_file(path, replace(options, month=month))
    if report.other_month is not None:
        report.problems.append(report.other_month)
    return report


def _workspace(given: Path | None) -> Workspace | None:
    """The workspace named, or the current folder when it is one; None otherwise."""
    from cashless_cli.workspace.config import find_config, load_workspace

    root = given if given is not None else Path(".")
    if given is None and find_config(root) is None:
        return None
    return load_workspace(root)


def _check_annotate_options(request: ValidateRequest, files: list[Path]) -> None:
    """Refuse a misuse before any work is done."""
    annotate, annotate_dir, paths = request.annotate, request.annotate_dir, request.paths
    if annotate is not None and annotate_dir is not None:
        raise UsageError("option-annotate-both")
    if annotate is not None and any(p.is_dir() for p in paths):
        raise UsageError("option-annotate-folder", n=len(files))
    if annotate is not None and len(files) != 1:
        raise UsageError("option-annotate-several", n=len(files))
    if annotate is not None:
        rosters = _rosters_folder(files[0], request.workspace)
        if rosters is not None and rosters in annotate.resolve().parents:
            raise UsageError("option-annotate-inside", path=annotate, rosters=rosters)
    if annotate_dir is not None:
        if annotate_dir.exists() and not annotate_dir.is_dir():
            raise UsageError("option-annotate-dir-not-folder", folder=annotate_dir)
        target = annotate_dir.resolve()
        for folder in (p.resolve() for p in paths if p.is_dir()):
            if target == folder or folder in target.parents:
                raise UsageError("option-annotate-dir-inside", folder=annotate_dir, rosters=folder)


def _rosters_folder(roster: Path, workspace: Path | None) -> Path | None:
    """The rosters folder a marked copy must stay out of: the workspace's ``rosters/`` (the one
    named, or the current folder's), else a ``rosters`` folder the roster is in."""
    from cashless_cli.workspace.config import find_config

    root = workspace if workspace is not None else Path(".")
    if workspace is not None or find_config(root) is not None:
        return (root / "rosters").resolve()
    for folder in roster.resolve().parents:
        if folder.name == "rosters":
            return folder
    return None


def _annotate(
    run: ValidateRun, annotate: Path | None, annotate_dir: Path | None, lang: Lang
) -> None:
    """Write the marked copies into ``run.annotated``: one outcome per roster."""
    from cashless_cli.write.annotate import AnnotateError, annotate_copy, outputs_in

    if annotate is not None:
        targets = [annotate]
    else:
        assert annotate_dir is not None
        try:
            annotate_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            run.annotate_folder_error = UserError(
                "annotate-dir-not-created", folder=annotate_dir, error=exc
            )
            return
        targets = outputs_in(annotate_dir, run.reports)
    for report, target in zip(run.reports, targets, strict=True):
        if report.error is not None:
            run.annotated.append(AnnotateOutcome(report))
            continue
        try:
            done = annotate_copy(report, target, lang)
        except AnnotateError as exc:
            run.annotated.append(AnnotateOutcome(report, error=exc))
            continue
        run.annotated.append(AnnotateOutcome(report, done=done))
