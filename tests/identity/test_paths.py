"""Find a path between two children or entities: fewest steps through links that count, optionally every
link, optionally with the concerns in time order; merged records followed; rejected links never used."""

import pytest

from joinedup.identity import paths
from joinedup.identity.models import Entity, Judgement, MentionLink
from joinedup.records.models import Concern

CAR = {"kind": "vehicle", "role": "transported_child", "plate": "PA71 THX", "colour": "blue"}
PHONE = {"kind": "phone", "role": "contacted_child", "number": "07700 900461"}
BUS_STATION = {"kind": "place", "role": "other", "name": "Northtown Bus Station", "venue_type": "other"}


def _child(n):
    return {"ref": f"PT-{n}", "given_name": f"Pathfinder{n}", "family_name": f"Testchild{n}", "dob": f"2010-0{n}-1{n}"}


@pytest.fixture
def chain(submit):
    """Ava (police, March) in the car; Bea (school, April) in the car and phoned; Cat (health, May) phoned;
    Dee (youth, June) seen at the bus station with Cat (a link that does not count)."""
    made = {}
    for name, n, agency, month, mentions in (
        ("ava", 1, "police", 3, [CAR]), ("bea", 2, "school", 4, [CAR, PHONE]), ("cat", 3, "health", 5, [PHONE, BUS_STATION]),
        ("dee", 4, "youth", 6, [BUS_STATION]),
    ):
        result = submit(agency, received_at=f"2024-0{month}-02T10:00:00+00:00", children=[_child(n)], mentions=mentions,
                        categories=["sexual_exploitation"], child_words="", indicators=[])
        made[name] = Concern.objects.get(pk=result.concern_id).current_version.children.get().child_id
    return made


def test_the_shortest_path_between_two_children_goes_through_the_car_and_the_phone(chain):
    path = paths.find_path(f"C-{chain['ava']:05d}", f"C-{chain['cat']:05d}")
    assert path.children == (chain["ava"], chain["bea"], chain["cat"])
    kinds = [Entity.objects.get(pk=pk).kind for pk in path.entities]
    assert kinds == ["vehicle", "phone"]
    assert [hop.step.agency for hop in path.hops] == ["Northtown Police", "Northtown Academy", "Northtown Academy", "Northtown Health"]
    assert path.hops[0].step.role == "transported child"


def test_links_that_do_not_count_are_followed_only_when_asked(chain):
    assert paths.find_path(f"c{chain['ava']}", f"c{chain['dee']}") is None
    path = paths.find_path(f"c{chain['ava']}", f"c{chain['dee']}", every_link=True)
    assert path.children[-1] == chain["dee"] and len(path.hops) == 6


def test_in_time_order_the_path_must_unfold_forwards(submit, chain):
    path = paths.find_path(f"c{chain['ava']}", f"c{chain['cat']}", time_order=True)
    times = [hop.step.at for hop in path.hops]
    assert times == sorted(times)
    # Eve (January) shares the phone; from Ava (March) to Eve there is a path, but not in time order.
    submit("police", received_at="2024-01-05T10:00:00+00:00", children=[_child(5)], mentions=[PHONE],
           categories=["sexual_exploitation"], child_words="", indicators=[])
    eve = Concern.objects.order_by("-pk").first().current_version.children.get().child_id
    assert paths.find_path(f"c{chain['ava']}", f"c{eve}") is not None
    assert paths.find_path(f"c{chain['ava']}", f"c{eve}", time_order=True) is None
    forwards = paths.find_path(f"c{eve}", f"c{chain['cat']}", time_order=True)  # January, then May
    assert [h.step.at.month for h in forwards.hops] == [1, 5]


def test_a_path_from_an_entity_and_a_rejected_link_is_never_used(chain):
    car = Entity.objects.get(kind="vehicle")
    path = paths.find_path(car.reference, f"C-{chain['cat']:05d}")
    assert path.nodes[0] == f"e{car.pk}" and path.children == (chain["bea"], chain["cat"])
    bea_car = MentionLink.objects.filter(entity=car, mention__version__concern__agency__name="Northtown Academy")
    bea_car.update(judgement=Judgement.REJECTED)
    assert paths.find_path(car.reference, f"C-{chain['cat']:05d}") is None


def test_bad_references_are_refused_by_name(db):
    with pytest.raises(paths.PathError, match="not a child reference"):
        paths.find_path("Kayleigh", "C-00001")
    with pytest.raises(paths.PathError, match="no child C-9999999"):
        paths.find_path("C-9999999", "C-00001")


def test_the_same_node_is_a_path_of_no_steps(chain):
    path = paths.find_path(f"c{chain['ava']}", f"C-{chain['ava']:05d}")
    assert path.hops == () and path.children == (chain["ava"],)
