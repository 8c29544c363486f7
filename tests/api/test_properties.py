"""Properties of POST /api/concerns/ over generated input: whatever is sent, the answer is never a
server error, and a record is stored whole or not at all (rows appear only with a 201)."""

import copy
import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from joinedup.records.models import Child, Concern, ConcernChild, ConcernVersion, MatchCandidate, Mention
from tests.factories import concern_data

pytestmark = pytest.mark.django_db

URL = "/api/concerns/"
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
RECORD_KEYS = list(concern_data())

# Values chosen to find edges: long text, control characters, dates at the ends of the calendar, numbers
# too big for a database column.
EDGE_STRINGS = st.sampled_from([201, 250, 5000]).map(lambda n: "x" * n) | st.sampled_from([
    "", " ", "2024-03-04T10:00:00", "2024-03-04T10:00:00Z", "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00", "2024-02-30", "0000-00-00", "\u202e\u0301", "NT4\t2QP", "Northtown Police",
    "police", "female", "vehicle", "person", "transported_child", "missing", "joinedup.concern/1",
])
EDGE_NUMBERS = st.sampled_from([-1, 0, 25, 26, 120, 121, 32768, 2**31, 2**63, 10**30, 1.5, -0.0, 1e308])
scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30) | EDGE_STRINGS | EDGE_NUMBERS
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(RECORD_KEYS) | st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Concern, ConcernVersion, Child, ConcernChild, Mention, MatchCandidate)
    }


def _places(node, out):
    """Every (container, key) in a record, so a mutation can pick any of them."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        out.append((node, key))
        _places(value, out)
    return out


def _like(value):
    if isinstance(value, str):
        return st.text() | EDGE_STRINGS
    if isinstance(value, bool) or value is None:
        return scalars
    if isinstance(value, int | float):
        return st.integers(-1, 130) | EDGE_NUMBERS
    return json_values


@st.composite
def mutated_records(draw):
    record = copy.deepcopy(concern_data("police", source_ref=draw(st.sampled_from(["P-1", "P-2", "P-3"]))))
    for _ in range(draw(st.integers(1, 3))):
        places = _places(record, [])
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["same_type", "same_type", "replace", "delete", "add"]))
        if action == "same_type":  # most such records are still valid: they exercise storing odd values
            container[key] = draw(_like(container[key]))
        elif action == "delete":
            del container[key]
        elif action == "replace":
            container[key] = draw(json_values)
        elif isinstance(container, dict):
            container[draw(st.text(max_size=12))] = draw(json_values)
        else:
            container.append(draw(json_values))
    return record


def _post_and_check(caller, body: bytes, content_type: str = "application/json") -> None:
    before = counts()
    response = caller.post_raw(URL, body, content_type=content_type)
    assert response.status_code in (200, 201, 400), response.content[:500]
    event(f"status {response.status_code}")
    after = counts()
    if response.status_code == 201:
        outcome = response.json()["outcome"]
        assert after["Concern"] == before["Concern"] + (1 if outcome == "created" else 0)
        assert after["ConcernVersion"] == before["ConcernVersion"] + 1
    else:
        assert after == before
        if response.status_code == 400:
            assert response.json()["errors"][0]["message"]


@PROPERTY_SETTINGS
@given(value=json_values)
def test_arbitrary_json_never_fails_and_never_stores_a_partial_record(callers, value):
    _post_and_check(callers.police_system, json.dumps(value).encode())


@PROPERTY_SETTINGS
@given(record=mutated_records())
def test_a_mutated_record_is_stored_whole_or_refused(callers, record):
    _post_and_check(callers.police_system, json.dumps(record).encode())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300), content_type=st.sampled_from(["application/json", "text/plain", ""]))
def test_arbitrary_bytes_are_refused_without_a_server_error(callers, body, content_type):
    _post_and_check(callers.police_system, body, content_type)


storable_text = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=storable_text.filter(str.strip), words=storable_text, name=storable_text.filter(str.strip),
       plate=storable_text)
def test_any_text_in_free_text_fields_is_stored_and_read_back_exactly(callers, summary, words, name, plate):
    record = concern_data("police", summary=summary, child_words=words,
                          children=[{"given_name": name}], mentions=[{"kind": "vehicle", "role": "other", "plate": plate}])
    response = callers.police_system.post(URL, record)
    assert response.status_code == 201, response.content
    stored = callers.police_system.get(f"{URL}{response.json()['reference']}/").json()["record"]
    assert stored == record
