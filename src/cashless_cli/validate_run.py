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
    from cashless_cli.workspace.config import Workspace
    from cashless_cli.write.annotate import Annotated, AnnotateError

OK, PROBLEMS, UNUSABLE = 0, 1, 2  # the exit codes of cashless validate


class UsageError(UserError):
    """Options that cannot work together, or paths with no roster; with a hint when there is
    something better to do."""

    def __init__(self, en: str, vi: str, hint_en: str | None = None, hint_vi: str | None = None):
        super().__init__(en, vi)
        self.hint_en = hint_en
        self.hint_vi = hint_vi

    def hint(self, lang: str) -> str | None:
        return self.hint_vi if lang == "vi" else self.hint_en


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
        raise UsageError(
            "No roster files (.xlsx, .xlsm, .xls, .ods) in the given paths.",
            "Không có tệp danh sách nào (.xlsx, .xlsm, .xls, .ods) trong đường dẫn đã cho.",
        )
    _check_annotate_options(request, files)
    options = Options(commune=request.commune, month=request.month)
    known: dict[str, KnownAccount] = {}
    ws = _workspace(request.workspace)
    if ws is not None:
        from cashless_cli.replies.answers import known_accounts

        options = replace(options, base_levels=ws.area.base_levels)
        known = known_accounts(ws)
    reports = [validate_file(path, options) for path in files]
    for report in reports:
        apply_known_accounts(report, known)
    run = ValidateRun(reports)
    if request.annotate is not None or request.annotate_dir is not None:
        _annotate(run, request.annotate, request.annotate_dir, request.lang)
    return run


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
        raise UsageError(
            "Use either --annotate or --annotate-dir, not both.",
            "Chỉ dùng một trong hai: --annotate hoặc --annotate-dir.",
        )
    if annotate is not None and (len(files) != 1 or any(p.is_dir() for p in paths)):
        raise UsageError(
            f"--annotate writes one file, but there are {len(files)} roster files.",
            f"--annotate ghi một tệp nhưng có {len(files)} tệp danh sách.",
            "Use --annotate-dir DIR to annotate several files.",
            "Dùng --annotate-dir THƯ_MỤC để đánh dấu nhiều tệp.",
        )
    if annotate_dir is not None:
        if annotate_dir.exists() and not annotate_dir.is_dir():
            raise UsageError(
                f"{annotate_dir} is not a folder.",
                f"{annotate_dir} không phải là thư mục.",
            )
        target = annotate_dir.resolve()
        for folder in (p.resolve() for p in paths if p.is_dir()):
            if target == folder or folder in target.parents:
                raise UsageError(
                    f"{annotate_dir} is inside the rosters folder {folder}: the next check "
                    "would read the annotated copies as rosters.",
                    f"Thư mục {annotate_dir} nằm trong thư mục danh sách {folder}: lần kiểm "
                    "tra sau sẽ đọc nhầm các bản đánh dấu là danh sách.",
                    "Choose another folder.",
                    "Chọn một thư mục khác.",
                )


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
                f"Cannot create the folder {annotate_dir}: {exc.strerror}.",
                f"Không tạo được thư mục {annotate_dir}: {exc.strerror}.",
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
