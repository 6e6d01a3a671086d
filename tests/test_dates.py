"""Time expressions resolved against a fixed publication date: Thursday 31 March 2022."""

from datetime import date

import pytest

from sitdash.ingest.dates import find_dates, infer_published, sentence_date

THURSDAY = date(2022, 3, 31)


def resolved(text, base=THURSDAY):
    return [(m.date, m.precision, m.text) for m in find_dates(text, base)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # weekdays: the most recent one on or before the publication day
        ("The Pentagon said on Thursday that the convoy", ("2022-03-31", "day", "on Thursday")),
        ("Russian forces bombed Chernihiv on Wednesday", ("2022-03-30", "day", "on Wednesday")),
        ("Shelling resumed Monday night in Kharkiv.", ("2022-03-28", "day", "Monday night")),
        ("Talks ended late Friday in Istanbul", ("2022-03-25", "day", "late Friday")),
        ("He spoke last Thursday in Brussels", ("2022-03-24", "day", "last Thursday")),
        ("Talks will resume on Monday in Istanbul", ("2022-04-04", "day", "on Monday")),
        ("Delegations meet next Tuesday", ("2022-04-05", "day", "next Tuesday")),
        # day words
        ("Russian aircraft yesterday flew 300 missions", ("2022-03-30", "day", "yesterday")),
        ("Kyiv was quiet today", ("2022-03-31", "day", "today")),
        ("Explosions were heard last night in Lviv", ("2022-03-30", "day", "last night")),
        ("Sirens sounded this morning", ("2022-03-31", "day", "this morning")),
        ("strikes doubled in the past 24 hours", ("2022-03-31", "day", "in the past 24 hours")),
        ("strikes doubled in the last 24 hours", ("2022-03-31", "day", "in the last 24 hours")),
        ("Over the past day, the occupiers shelled", ("2022-03-31", "day", "Over the past day")),
        ("the attack two days ago", ("2022-03-29", "day", "two days ago")),
        ("the day before yesterday", ("2022-03-29", "day", "the day before yesterday")),
        # coarser
        ("Rudskoy said last week that", ("2022-03-21", "week", "last week")),
        ("earlier this week officials said", ("2022-03-28", "week", "earlier this week")),
        ("sanctions imposed last month", ("2022-02-01", "month", "last month")),
        ("sanctions on Wagner last year", ("2021-01-01", "year", "last year")),
        ("the war that began in February", ("2022-02-01", "month", "in February")),
        ("fighting since 2014 in Donbas", ("2014-01-01", "year", "since 2014")),
        ("in March 2022 alone", ("2022-03-01", "month", "in March 2022")),
        ("fighting eased in mid-March", ("2022-03-01", "month", "mid-March")),
        # calendar dates
        ("in Lviv, Ukraine March 26, 2022. REUTERS", ("2022-03-26", "day", "March 26, 2022")),
        ("on 26 March 2022 the city", ("2022-03-26", "day", "26 March 2022")),
        ("the March 26 strike", ("2022-03-26", "day", "March 26")),
        ("the Mar. 26 strike", ("2022-03-26", "day", "Mar. 26")),
        ("posted 2022-03-26T10:00", ("2022-03-26", "day", "2022-03-26")),
        ("posted 26.03.2022 at 10:00", ("2022-03-26", "day", "26.03.2022")),
        ("the 9th of May parade", ("2022-05-09", "day", "9th of May")),
        ("Wed 30 Mar 2022 03:58PM", ("2022-03-30", "day", "Wed 30 Mar 2022")),
        ("on Wednesday, March 30, the ministry", ("2022-03-30", "day", "on Wednesday, March 30")),
        # a yearless date more than two months after base belongs to the year before
        ("the Dec. 30 talks", ("2021-12-30", "day", "Dec. 30")),
    ],
)
def test_resolves_against_a_thursday(sentence, expected):
    assert resolved(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "They have been fighting for it for eight years now",
        "a day after Russia said it would reduce operations",
        "the next day the convoy stalled",
        "Officials may 9 times out of 10 refuse",  # lowercase "may" is a verb
        "Protesters march through the centre",
        "the strike lasted 24 hours",
        "February 30 is not a day",  # no such date
        "They expected a lot of strength in the first weeks",
    ],
)
def test_durations_and_event_relative_phrases_are_not_dates(sentence):
    assert resolved(sentence) == []


def test_weekday_equal_to_base_day_is_that_day_not_a_week_earlier():
    assert resolved("on Thursday")[0][0] == "2022-03-31"
    assert resolved("on Thursday", date(2022, 4, 1))[0][0] == "2022-03-31"


def test_future_marker_before_a_said_clause_does_not_make_a_weekday_future():
    assert resolved("Russia will not stop, Kirby said on Monday")[0][0] == "2022-03-28"


def test_offsets_point_into_the_text():
    text = "Kirby said on Wednesday that strikes doubled in the past 24 hours."
    for mention in find_dates(text, THURSDAY):
        assert text[mention.start : mention.end] == mention.text


def test_without_base_relative_dates_are_unknown_and_absolute_ones_resolve():
    mentions = find_dates("On Wednesday, a year after the March 26, 2021 attack", None)
    assert [(m.date, m.precision) for m in mentions] == [(None, "unknown"), ("2021-03-26", "day")]
    assert [(m.date, m.precision) for m in find_dates("the March 26 strike", None)] == [
        (None, "unknown")
    ]


def test_sentence_date_prefers_the_most_specific_written_date():
    best = sentence_date("Last week, officials said the March 28 strike killed six.", THURSDAY)
    assert (best.date, best.text) == ("2022-03-28", "March 28")
    best = sentence_date("Russian forces bombed Kyiv on Wednesday, a day after talks.", THURSDAY)
    assert (best.date, best.precision) == ("2022-03-30", "day")
    assert sentence_date("They fought for eight years.", THURSDAY) is None


def test_infer_published_takes_the_latest_full_date():
    text = "Talks began on March 29, 2022. Photo taken 2022-03-26. Since 2014, fighting. Mar. 31"
    assert infer_published(text) == date(2022, 3, 29)
    assert infer_published("Russian forces bombed Kyiv on Wednesday.") is None


def test_inferred_publication_moves_to_the_reported_weekday_after_the_latest_date():
    # Latest full date is Saturday 26 March 2022; "on Thursday" can only be the 31st.
    text = ("A photo taken in Lviv on March 26, 2022 shows smoke. The ministry said on Thursday "
            "that strikes continued. Shelling hit the city on Wednesday.")
    assert infer_published(text) == date(2022, 3, 31)
    # A weekday that falls on the latest date itself keeps that date.
    assert infer_published("Saturday, March 26, 2022: officials said on Saturday ...") == date(
        2022, 3, 26)
    assert infer_published("Officials said on Thursday that talks failed.") is None


def test_a_yearless_dateline_is_dated_by_the_weekday_its_lead_reports():
    from sitdash.ingest.dates import year_from_weekday

    lead = "Ukraine's foreign minister said on Thursday that talks would resume next week."
    assert year_from_weekday("Feb. 24", lead, date(2026, 11, 26)) == date(2022, 2, 24)
    assert year_from_weekday("Feb. 24", "Talks would resume, he said.", date(2026, 11, 26)) is None



def test_a_live_page_title_with_a_date_dates_the_page():
    from sitdash.ingest.read import read_text

    doc = read_text(
        "March 9, 2022 Ukraine war updates\n\n"
        "Russian forces shelled the outskirts of Mykolaiv overnight, the governor said."
    )
    assert (doc.published, doc.published_inferred) == ("2022-03-09", True)


def test_us_slashed_dates_and_yearless_days_after_a_known_date():
    from sitdash.ingest.dates import on_or_after

    assert [m.date for m in find_dates("Posted 3/9/22 at 6:10 PM ET", None)] == ["2022-03-09"]
    assert infer_published("Updated 11/02/2022, 09:14") == date(2022, 11, 2)
    # a dateline is never earlier than the latest full date its article mentions
    assert on_or_after("Aug 3", date(2022, 2, 24)) == date(2022, 8, 3)
    assert on_or_after("Jan. 12", date(2022, 12, 30)) == date(2023, 1, 12)


def test_read_text_dates_a_dateline_after_the_invasion_date():
    from sitdash.ingest.read import read_text

    doc = read_text(
        "ODESA, Aug 3 (Xinhua) -- Shelling hit the port overnight, officials said.\n\n"
        "Russia launched its invasion on Feb. 24, 2022."
    )
    assert (doc.published, doc.published_inferred) == ("2022-08-03", True)


def test_day_first_slashed_dates():
    assert [m.date for m in find_dates("Issued on: 30/05/2022 - 17:48", None)] == ["2022-05-30"]
    assert [m.date for m in find_dates("posted 05/30/2022", None)] == ["2022-05-30"]


def test_dashed_dates_are_day_first_unless_the_month_would_be_impossible():
    assert [m.date for m in find_dates("Updated: 03-05-2023 and 05-28-2023")] == [
        "2023-05-03", "2023-05-28"]
    assert find_dates("on 2023-05-03")[0].date == "2023-05-03"  # ISO untouched


def test_an_updated_line_with_a_dashed_date_dates_the_page():
    from sitdash.ingest.read import read_text

    doc = read_text("Updated: 01-04-2022\n\nThe governor said the columns left Irpin overnight.")
    assert doc.published == "2022-04-01"
    assert doc.text == "The governor said the columns left Irpin overnight."


def test_the_start_of_a_period_does_not_date_a_sentence():
    base = date(2023, 5, 10)
    assert sentence_date("The rebels Russia has backed since 2014 hold the town.", base) is None
    when = sentence_date("The town, held since March 3, was shelled on Monday.", base)
    assert (when.date, when.text) == ("2023-05-08", "on Monday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge was hit last Sunday.", "2023-05-07"),  # base is Wednesday 10 May
        ("The bridge was hit on Sunday.", "2023-05-07"),
        ("The bridge was hit Sunday, officials said.", "2023-05-07"),
    ],
)
def test_a_bare_or_last_weekday_is_read_backwards_from_publication(text, expected):
    assert sentence_date(text, date(2023, 5, 10)).date == expected


def test_last_year_is_a_year_not_a_day():
    when = sentence_date("The town fell last year.", date(2023, 5, 10))
    assert (when.date, when.precision) == ("2022-01-01", "year")
