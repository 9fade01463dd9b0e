"""Reachability matrices: a DataFrame of booleans, one cell per source and destination."""

import pytest

import moat

SOURCES = ["onprem", "aws_ecs_service.app", "internet"]
DESTINATIONS = ["aws_lb.app", "internet", "service:ecr.dkr"]


def test_the_matrix_has_sources_as_rows_and_destinations_as_columns(after):
    frame = after.reachability_matrix(SOURCES, DESTINATIONS, protocol="tcp", port=443)
    assert frame.shape == (3, 3)
    assert list(frame.index) == SOURCES and list(frame.columns) == DESTINATIONS
    assert frame.index.name == "from" and frame.columns.name == "to"
    assert all(str(t) == "bool" for t in frame.dtypes)


def test_each_cell_is_the_verdict_of_that_single_question(after, before):
    for net in (after, before):
        frame = net.reachability_matrix(SOURCES[1:], DESTINATIONS[:2], protocol="tcp", port=443)
        for source in SOURCES[1:]:
            for destination in DESTINATIONS[:2]:
                single = net.check_intent(source, destination, protocol="tcp", port=443)
                assert frame.loc[source, destination] == single.holds, (source, destination)


def test_closing_the_network_changes_exactly_the_internet_cells(after, before):
    closed = after.reachability_matrix(["aws_ecs_service.app", "internet"], ["aws_lb.app", "internet"])
    open_ = before.reachability_matrix(["aws_ecs_service.app", "internet"], ["aws_lb.app", "internet"])
    assert not closed.loc["internet", "aws_lb.app"] and open_.loc["internet", "aws_lb.app"]
    assert not closed.loc["aws_ecs_service.app", "internet"] and open_.loc["aws_ecs_service.app", "internet"]
    assert not closed.loc["internet", "internet"] and not open_.loc["internet", "internet"]


def test_an_empty_side_gives_an_empty_frame(after):
    assert after.reachability_matrix([], ["internet"]).shape == (0, 1)


def test_a_selector_that_matches_nothing_is_a_parse_error(after):
    with pytest.raises(moat.ParseError, match="aws_lb.nope"):
        after.reachability_matrix(["onprem"], ["aws_lb.nope"])
