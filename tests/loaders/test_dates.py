"""Dates and date ranges as documents write them (``collabkg.loaders.dates``)."""

from __future__ import annotations

import datetime as dt

import pytest

from collabkg.loaders.dates import find_dates

REF = dt.date(2019, 7, 2)


@pytest.mark.parametrize("text, start, end", [
    ("October 21, 2006", "2006-10-21", None),
    ("21 October 2006", "2006-10-21", None),
    ("the 14th of March 2019", "2019-03-14", None),
    ("Sept. 5, 2010", "2010-09-05", None),
    ("5 Sept 2010", "2010-09-05", None),
    ("2022-02-16", "2022-02-16", None),
    ("March 23-24, 2009", "2009-03-23", "2009-03-24"),
    ("March 23–24, 2009", "2009-03-23", "2009-03-24"),
    ("12-14 June 2019", "2019-06-12", "2019-06-14"),
    ("12 to 14 June 2019", "2019-06-12", "2019-06-14"),
    ("June 12th-14th, 2019", "2019-06-12", "2019-06-14"),
    ("October 31-November 2, 2007", "2007-10-31", "2007-11-02"),
    ("31 October - 2 November 2007", "2007-10-31", "2007-11-02"),
    ("December 30-January 2, 2008", "2007-12-30", "2008-01-02"),
    ("30 December 2019 - 2 January 2020", "2019-12-30", "2020-01-02"),
    ("December 30, 2019 - January 2, 2020", "2019-12-30", "2020-01-02"),
    ("2019-06-12 to 2019-06-14", "2019-06-12", "2019-06-14"),
    ("between 12 and 14 June 2019", "2019-06-12", "2019-06-14"),
    ("between June 12 and 14, 2019", "2019-06-12", "2019-06-14"),
])
def test_written_dates_and_ranges(text, start, end):
    (d,) = find_dates(f"It was held on {text} in Potsdam.")
    assert d.start.isoformat() == start
    assert (d.end.isoformat() if d.end else None) == end
    assert d.inferred is False


def test_span_points_into_the_text_with_offset():
    text = "The 3rd workshop was held in Potsdam, Germany on 12-14 June 2019, attended by 40 scientists."
    (d,) = find_dates(text, offset=100)
    assert text[d.span[0] - 100:d.span[1] - 100] == "12-14 June 2019"


@pytest.mark.parametrize("text, iso", [
    ("has been held on January 17.", "2019-01-17"),
    ("was held on 24 June at the university", "2019-06-24"),
    ("on the 3rd of May", "2019-05-03"),
])
def test_a_date_without_year_takes_the_documents_year_and_is_flagged(text, iso):
    (d,) = find_dates(text, reference=REF)
    assert d.start.isoformat() == iso
    assert d.inferred is True


@pytest.mark.parametrize("text", ["on February 9-10.", "on 9-10 February."])
def test_a_yearless_range(text):
    (d,) = find_dates(text, reference=dt.date(2023, 2, 15))
    assert (d.start.isoformat(), d.end.isoformat(), d.inferred) == ("2023-02-09", "2023-02-10", True)


@pytest.mark.parametrize("text, start, end", [
    ("between 9 and 10 February.", "2023-02-09", "2023-02-10"),
    ("between February 9 and 10.", "2023-02-09", "2023-02-10"),
    ("from January 30 to February 2.", "2023-01-30", "2023-02-02"),
    ("from 30 January to 2 February.", "2023-01-30", "2023-02-02"),
    ("from 30 December to 2 January.", "2022-12-30", "2023-01-02"),  # the end in the next year
])
def test_yearless_ranges_across_months_and_between(text, start, end):
    (d,) = find_dates(text, reference=dt.date(2023, 2, 15))
    assert (d.start.isoformat(), d.end.isoformat(), d.inferred) == (start, end, True)


def test_and_outside_between_is_two_days_not_a_range():
    # "on 9 and 12 June": two days; only the one that stands alone is read, never a 9-12 range
    assert [(d.start.isoformat(), d.end) for d in find_dates("met on 9 and 12 June.", reference=REF)] == [("2019-06-12", None)]


def test_a_yearless_date_after_the_document_date_is_from_the_year_before():
    (d,) = find_dates("was held on December 5.", reference=REF)
    assert d.start.isoformat() == "2018-12-05" and d.inferred


def test_a_yearless_date_without_a_document_date_is_not_guessed():
    assert find_dates("was held on January 17.") == []


def test_the_verb_may_and_a_number_are_not_a_date():
    assert find_dates("the results may 2 be shared", reference=REF) == []


def test_year_and_month_only():
    (y,) = find_dates("begun in 2006 and gradually improved")
    assert y.year_only and y.start.year == 2006
    (m,) = find_dates("launched in October 2006")
    assert m.month_only and (m.start.year, m.start.month) == (2006, 10)


def test_a_range_ending_before_it_starts_is_refused():
    assert all(d.end is None for d in find_dates("June 14-12, 2019"))


def test_several_dates_in_text_order():
    ds = find_dates("First (October 21, 2006, Beijing) and second (October 31-November 2, 2007, Washington).")
    assert [d.start.isoformat() for d in ds] == ["2006-10-21", "2007-10-31"]


@pytest.mark.parametrize("text, iso", [
    ("The forum opened yesterday in Suva.", "2019-07-01"),
    ("The centre launches its portal today.", "2019-07-02"),
    ("The agreement was signed on Friday.", "2019-06-28"),  # REF is a Tuesday: the Friday before
    ("The school began on Tuesday.", "2019-07-02"),  # the document's own day
])
def test_a_day_named_relative_to_the_documents_date(text, iso):
    (d,) = find_dates(text, reference=REF)
    assert (d.start.isoformat(), d.inferred) == (iso, True)


def test_a_relative_day_without_a_reference_or_beside_a_written_day_is_not_read():
    assert find_dates("It opened yesterday.") == []  # no document date: no day
    assert [d.kind for d in find_dates("On Monday, 3 June 2019, the forum opened yesterday's exhibition.", reference=REF)] == ["dmy"]
