import datetime as dt
import json

import pytest

from dossier.domain.dates import PartialDate, Precision, Qualifier


def test_precision_is_checked_against_value():
    with pytest.raises(ValueError):
        PartialDate("2014-03", Precision.DAY)
    with pytest.raises(ValueError):
        PartialDate("2014-02-30", Precision.DAY)
    with pytest.raises(ValueError):
        PartialDate("2014-13", Precision.MONTH)


@pytest.mark.parametrize(("date", "shown"), [
    (PartialDate.of(2014, 3, 27), "27 Mar 2014"),
    (PartialDate.of(2014, 3), "Mar 2014"),
    (PartialDate.of(2013), "2013"),
    (PartialDate.of(2014, 6, qualifier="early"), "early Jun 2014"),
    (PartialDate.of(2014, 5, qualifier="end"), "end May 2014"),
    (PartialDate.of(2014, 7, 22, qualifier="by"), "by 22 Jul 2014"),
    (PartialDate.of(2013, qualifier="about"), "c. 2013"),
])
def test_display_the_way_people_write_dates(date, shown):
    assert date.display() == shown


def test_sorts_by_earliest_bound_then_precision():
    dates = [PartialDate.of(2014, 3, 27), PartialDate.of(2014), PartialDate.of(2014, 3), PartialDate.of(2013, 12, 1)]
    assert [d.value for d in sorted(dates)] == ["2013-12-01", "2014", "2014-03", "2014-03-27"]


def test_bounds():
    assert PartialDate.of(2014, 2).latest() == dt.date(2014, 2, 28)
    assert PartialDate.of(2016, 2).latest() == dt.date(2016, 2, 29)
    assert PartialDate.of(2014).earliest() == dt.date(2014, 1, 1)
    between = PartialDate("2014-03", Precision.MONTH, Qualifier.BETWEEN, "March to May 2014", "2014-05")
    assert between.latest() == dt.date(2014, 5, 31)
    assert between.display() == "Mar 2014 – May 2014"


def test_json_round_trip_is_lossless():
    d = PartialDate("2014-05", Precision.MONTH, Qualifier.END, "by the end of May 2014")
    again = PartialDate.from_json(json.loads(json.dumps(d.to_json())))
    assert again == d
    assert PartialDate.from_json(None) is None


def test_parse_iso():
    assert PartialDate.parse_iso("2014-03").precision is Precision.MONTH
    assert PartialDate.parse_iso("2014").display() == "2014"
    with pytest.raises(ValueError):
        PartialDate.parse_iso("March 2014")
