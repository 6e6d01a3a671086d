"""The brief's sections: dates as precise as they are known, and a layout for each width."""

import io

from rich.console import Console

from sitdash.brief import render_brief
from sitdash.datemarks import claim_when, when, when_short
from sitdash.query import Index

# Written for these tests, in the shape of wire copy that dates things loosely.
WEEK = 'A senior commander said last week that "the first stage of the operation is complete."'
YEAR = "Russian forces left Hostomel for Belarus last year, officials said."
DAY = "Ukrainian troops moved into Bucha on Saturday, the mayor said."


def claim(cid, text, date, precision):
    return {"id": cid, "doc_id": "d1", "text": text, "source": "officials",
            "source_kind": "official", "places": [], "date": date,
            "date_precision": precision, "start": 0, "end": len(text)}


def week_index() -> Index:
    claims = {c["id"]: c for c in (claim("c1", WEEK, "2022-03-21", "week"),
                                    claim("c2", YEAR, "2021-01-01", "year"),
                                    claim("c3", DAY, "2022-04-02", "day"))}
    quotes = [{"id": "q1", "doc_id": "d1", "claim_id": "c1", "speaker": "a senior commander",
               "text": "the first stage of the operation is complete", "start": 0, "end": 10}]
    movements = [
        {"id": "m1", "doc_id": "d1", "claim_id": "c2", "actor": "Russian forces",
         "origin": "Hostomel", "destination": "Belarus", "kind": "withdraw", "size": None,
         "date": "2021-01-01", "hedged": False, "start": 0, "end": 10},
        {"id": "m2", "doc_id": "d1", "claim_id": "c3", "actor": "Ukrainian troops",
         "origin": None, "destination": "Bucha", "kind": "advance", "size": None,
         "date": "2022-04-02", "hedged": False, "start": 0, "end": 10}]
    docs = {"d1": {"id": "d1", "title": "T", "outlet": "Test Wire", "published": "2022-04-02"}}
    return Index(documents=docs, claims=claims, quotes=quotes, movements=movements, events=[])


def printed(index: Index, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(render_brief(index))
    return console.file.getvalue()


def test_date_marks_say_how_precise_a_date_is():
    assert when_short("2021-01-01", "year") == "2021 ~y"
    assert when_short("2022-03-01", "month") == "2022-03 ~m"
    assert when_short("2022-03-21", "week") == "2022-03-21 ~w"
    assert when_short("2022-03-24", "day") == when_short("2022-03-24", "unknown") == "2022-03-24"
    assert when_short(None, "day") == "undated"
    assert when("2022-03-21", "week").startswith("2022-03-21 ~w (")
    claims = {"c1": {"date": "2022-03-21", "date_precision": "week"}}
    assert claim_when(claims, "c1", "2022-03-21") == "2022-03-21 ~w"
    # a row dated otherwise than its claim (a published date) is not marked with the claim's
    assert claim_when(claims, "c1", "2022-03-25") == "2022-03-25"


def test_the_brief_marks_dates_known_only_to_the_week_or_year_at_every_width():
    for width in (80, 160):
        out = printed(week_index(), width)
        assert "2021 ~y to 2022-04-02" in out  # the header's span
        quote = next(line for line in out.splitlines() if "2022-03-21" in line)
        assert "2022-03-21 ~w" in quote
        assert "2021 ~y" in next(line for line in out.splitlines() if "Hostomel ->" in line
                                 and "withdraw" in line)
        assert "2022-04-02 ~" not in out  # a day stays a day
