"""German date formatting."""

import pytest

from simplify.dates import german_date


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024-11-12", "12. November 2024"),
        ("2025-03-05", "5. März 2025"),
        ("2024-00-05", None),
        ("2024-13-01", None),
        ("12.11.2024", None),
        ("", None),
        (None, None),
    ],
)
def test_german_date(iso, expected) -> None:
    assert german_date(iso) == expected
