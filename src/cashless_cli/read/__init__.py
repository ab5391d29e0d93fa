"""Workbook → sheets of cells → header → data rows: everything that touches the input file."""
