"""A backup taken after a disposal restores, and the restore's chain check (which walks the tombstones'
kept hashes in the scratch database) passes; the restored database has the tombstone and not the record."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from joinedup.core import clock
from joinedup.retention import services
from tests.integrity.test_backup import KEY, NewDatabase, _backup
from tests.retention.conftest import SECRETS

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_database(tmp_path):
    db = NewDatabase(tmp_path)
    yield db
    db.drop()


def test_a_backup_after_disposal_restores_and_verifies(settings, tmp_path, users, town, new_database):
    settings.JOINEDUP_BACKUP_KEY, settings.JOINEDUP_BACKUP_KEY_FILE = KEY, ""
    settings.JOINEDUP_BACKUP_DIR = tmp_path / "backups"
    with clock.frozen(dt.datetime(2060, 1, 1, tzinfo=dt.UTC)):
        proposal = services.propose(users.audrey, town["lily"])
        services.approve(users.adam, proposal.pk, "Due.")
    call_command("restore", str(_backup(tmp_path)), "--into", new_database.into, stdout=io.StringIO())
    rows = new_database.rows()
    assert len(rows["retention_tombstone"]) == 1 and len(rows["retention_disposedchainrow"]) == 3
    restored = repr({table: value for table, value in rows.items() if table != "core_auditevent"})
    assert not [secret for secret in SECRETS if secret in restored]
