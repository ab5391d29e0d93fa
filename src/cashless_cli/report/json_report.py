"""The JSON document of ``cashless validate --format json`` (a contract: only add keys)."""

from __future__ import annotations

from typing import Any

from cashless_cli.i18n import Lang
from cashless_cli.problems import Severity
from cashless_cli.validation import FileReport


def file_document(report: FileReport, lang: Lang) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "path": str(report.path),
        "sheet": report.sheet,
        "header_row": report.header_row,
        "commune": report.commune,
        "month": str(report.month) if report.month else None,
        "rows": report.rows,
        "valid_rows": report.valid_rows,
        "issues": [p.to_dict(lang) for p in report.issues],
        # additions to the contract
        "rows_with_errors": report.rows_with_errors,
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "skipped_rows": report.skipped,
        "columns": report.columns,
        "info": [p.to_dict(lang) for p in report.info],
        # why the file could not be fully checked, and where the rows' statuses came from
        "not_checkable": [p.to_dict(lang) for p in report.not_checkable],
        "status_from": report.status_from,
    }
    if report.error is not None:
        doc["error"] = {
            "code": report.error.code,
            "message": report.error.message(lang),
            "hint": report.error.hint(lang),
        }
    return doc


def validate_document(reports: list[FileReport], lang: Lang) -> dict[str, Any]:
    return {"files": [file_document(r, lang) for r in reports]}
