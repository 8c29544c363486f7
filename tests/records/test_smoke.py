from joinedup.records.models import Concern


def test_a_submitted_concern_gets_a_reference_and_a_child(submit):
    result = submit()
    assert result.outcome == "created"
    assert result.reference.startswith("JU-")
    concern = Concern.objects.get(pk=result.concern_id)
    assert concern.current_version.summary.startswith("Seen getting")
    assert len(result.child_ids) == 1
