"""Calendar days as drafts write them ("5 December 2016"), without the datetime module, whose import alone
costs a fresh `draftlint check` about 2 ms."""
from __future__ import annotations

from draftlint.patterns import MONTHS


def days_in(month: int, year: int | None) -> int:
    """Days in the month; February has 29 when the year is a leap year or not given."""
    if month == 2:
        return 29 if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Day:
    """A real date (the constructor refuses 31 April)."""

    __slots__ = ("year", "month", "day")

    def __init__(self, year: int, month: int, day: int):
        if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= days_in(month, year)):
            raise ValueError(f"{day} {month} {year} is not a real date")
        self.year, self.month, self.day = year, month, day

    def _key(self) -> tuple[int, int, int]:
        return self.year, self.month, self.day

    def __eq__(self, other) -> bool:
        return isinstance(other, Day) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Day({self.year}, {self.month}, {self.day})"

    def __str__(self) -> str:
        """As UN texts write it: "5 December 2016"."""
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
