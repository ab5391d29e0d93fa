"""Does the 12-digit personal ID agree with the row: province code, sex, birth year?"""

from __future__ import annotations

from cashless_cli.normalise.ids import id_facts
from cashless_cli.normalise.text import fold
from cashless_cli.schema.domain import province_codes

__all__ = ["check_id_against_person"]

_SEXES = {"nam": "Nam", "nu": "Nữ"}


def check_id_against_person(
    id12: str, sex: str | None, birth_year: int | None
) -> list[tuple[str, dict[str, object]]]:
    """Problems (code, params) where the ID contradicts itself or the row.

    Only 12-digit IDs are checked; a comparison is skipped when the row's value is None (or, for
    sex, not recognisably Nam or Nữ).
    """
    if len(id12) != 12 or not (id12.isascii() and id12.isdigit()):
        return []
    facts = id_facts(id12)
    out: list[tuple[str, dict[str, object]]] = []
    if facts.province_code not in province_codes():
        out.append(("id-province-unknown", {"prefix": facts.province_code}))
    row_sex = _SEXES.get(fold(sex)) if sex is not None else None
    if row_sex is not None and row_sex != facts.sex:
        out.append(
            ("id-sex-mismatch", {"digit": facts.sex_digit, "id_sex": facts.sex, "sex": row_sex})
        )
    if birth_year is not None and birth_year != facts.birth_year:
        out.append(("id-birth-year-mismatch", {"id_year": facts.birth_year, "year": birth_year}))
    return out
