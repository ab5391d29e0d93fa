"""Fixture generators that rebuild real Vietnamese social-assistance list layouts.

Each module rebuilds one layout found in public code or legal texts (``SOURCES.md`` says where)
with synthetic people, and can plant known mistakes at known cells. ``LAYOUTS`` lists them all.
"""

from __future__ import annotations

from real_layouts import (
    account_payroll,
    approval_list,
    beneficiary_report,
    citizen_list,
    decree_roster,
    payment_list,
    pension_list,
    sex_marks,
    three_row_header,
    vendor_roster,
)
from real_layouts._common import Generated

LAYOUTS = {
    module.NAME: module
    for module in (
        payment_list,
        approval_list,
        beneficiary_report,
        three_row_header,
        sex_marks,
        decree_roster,
        vendor_roster,
        account_payroll,
        citizen_list,
        pension_list,
    )
}

__all__ = ["LAYOUTS", "Generated"]
