"""`joinedup backup` and `joinedup restore`: a backup restored into a new database is the same database,
hash chains included; a wrong key, a damaged file or a broken chain is refused and nothing changes.
Runs on SQLite and (with JOINEDUP_DATABASE_URL set to PostgreSQL) on PostgreSQL."""

import io
import sqlite3
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from joinedup.integrity import databases
from joinedup.integrity.verify import verify_all
from tests.integrity.helpers import raw, record_events

pytestmark = [pytest.mark.django_db(transaction=True)]

KEY = "a-fictional-backup-key-for-tests-0001"


@pytest.fixture(autouse=True)
def backup_key(settings, tmp_path):
    settings.JOINEDUP_BACKUP_KEY = KEY
    settings.JOINEDUP_BACKUP_KEY_FILE = ""
    settings.JOINEDUP_BACKUP_DIR = tmp_path / "backups"


@pytest.fixture
def some_history(submit, users):
    submit(source_ref="BK-1", actor=None)
    submit(source_ref="BK-2")
    submit(source_ref="BK-1", summary="A corrected summary for the backup test.")
    record_events(3)


class NewDatabase:
    """A new, empty database of the kind the suite runs on, to restore into."""

    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.path = tmp_path / "restored.db"
            self.into = str(self.path)
        else:
            import psycopg

            conf = connection.settings_dict
            self.params = {"host": conf["HOST"] or None, "port": conf["PORT"] or None, "user": conf["USER"] or None,
                           "password": conf["PASSWORD"] or None}
            self.name = f"ju_restore_test_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(dbname=conf["NAME"], autocommit=True, **self.params) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            user = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
            self.into = f"postgres://{user}@{conf['HOST'] or 'localhost'}:{conf['PORT'] or 5432}/{self.name}"

    def rows(self) -> dict[str, list]:
        if self.vendor == "sqlite":
            if not self.path.exists():
                return {}
            with sqlite3.connect(self.path, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES) as conn:
                return _all_rows(conn.cursor(), "sqlite")
        import psycopg

        with psycopg.connect(dbname=self.name, **self.params) as conn, conn.cursor() as cursor:
            return _all_rows(cursor, "postgresql")

    def drop(self):
        if self.vendor != "sqlite":
            import psycopg

            with psycopg.connect(dbname=connection.settings_dict["NAME"], autocommit=True, **self.params) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def new_database(tmp_path):
    db = NewDatabase(tmp_path)
    yield db
    db.drop()


def _all_rows(cursor, vendor) -> dict[str, list]:
    out = {}
    for table in databases.table_names(cursor, vendor):
        cursor.execute(f"SELECT * FROM {databases.quote(table)}")  # noqa: S608
        out[table] = sorted(cursor.fetchall(), key=repr)
    return out


def _live_rows() -> dict[str, list]:
    """Every row of every table of the database the tests run on, read the same way as NewDatabase."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return _all_rows(connection.connection.cursor(), "sqlite")
    import psycopg

    conf = connection.settings_dict
    with psycopg.connect(dbname=conf["NAME"], host=conf["HOST"] or None, port=conf["PORT"] or None,
                         user=conf["USER"] or None, password=conf["PASSWORD"] or None) as conn, conn.cursor() as cursor:
        return _all_rows(cursor, "postgresql")


def _backup(tmp_path, name="test.backup"):
    path = tmp_path / name
    call_command("backup", "--output", str(path), stdout=io.StringIO())
    return path


def test_a_backup_restored_into_a_new_database_is_row_for_row_the_same(some_history, tmp_path, new_database):
    before = _live_rows()
    assert len(before["records_concernversion"]) == 3 and len(before["core_auditevent"]) >= 6
    path = _backup(tmp_path)
    assert b"BK-1" not in path.read_bytes()  # encrypted
    call_command("restore", str(path), "--into", new_database.into, stdout=io.StringIO())
    after = new_database.rows()
    assert set(after) == set(before)
    for table in before:
        assert after[table] == before[table], table
    conf = (databases.sqlite_settings(new_database.path) if new_database.vendor == "sqlite"
            else {**connection.settings_dict, "NAME": new_database.name})
    with databases.temporary_alias(conf) as alias:
        restored = [(r.table, r.rows, r.head_id, r.head_hash, r.ok) for r in verify_all(alias)]
    assert restored == [(r.table, r.rows, r.head_id, r.head_hash, r.ok) for r in verify_all()]
    assert all(ok for *_, ok in restored)


def test_a_backup_with_the_wrong_key_is_refused_and_the_live_database_is_unchanged(some_history, tmp_path, settings):
    path = _backup(tmp_path)
    record_events(1, start=100)  # written after the backup: a restore would lose it
    before = _live_rows()
    settings.JOINEDUP_BACKUP_KEY = "another-fictional-key-not-the-one"
    with pytest.raises(CommandError, match="wrong key"):
        call_command("restore", str(path), "--yes")
    assert _live_rows() == before


def test_a_damaged_backup_is_refused_and_nothing_is_written(some_history, tmp_path, new_database):
    path = _backup(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    before = _live_rows()
    with pytest.raises(CommandError, match="damaged or was altered"):
        call_command("restore", str(path), "--into", new_database.into)
    with pytest.raises(CommandError, match="damaged or was altered"):
        call_command("restore", str(path), "--yes")
    assert _live_rows() == before
    assert all(not rows for rows in new_database.rows().values())


def test_a_backup_of_a_broken_chain_is_refused(some_history, tmp_path, new_database):
    event_id = record_events(1, start=200)[0]
    raw("UPDATE core_auditevent SET reason = %s WHERE id = %s", ["quietly changed", event_id])
    path = _backup(tmp_path)
    with pytest.raises(CommandError, match=f"hash chain is broken: core_auditevent id {event_id}"):
        call_command("restore", str(path), "--into", new_database.into)
    assert all(not rows for rows in new_database.rows().values())


def test_restoring_over_the_configured_database_needs_yes(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "any.backup"))


def test_a_backup_needs_a_key(settings, tmp_path):
    settings.JOINEDUP_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="JOINEDUP_BACKUP_KEY"):
        _backup(tmp_path)
    assert not (tmp_path / "test.backup").exists()


def test_the_key_can_come_from_a_file(settings, tmp_path, some_history, new_database):
    key_file = tmp_path / "backup.key"
    key_file.write_text(KEY + "\n")
    settings.JOINEDUP_BACKUP_KEY, settings.JOINEDUP_BACKUP_KEY_FILE = "", str(key_file)
    path = _backup(tmp_path)
    settings.JOINEDUP_BACKUP_KEY, settings.JOINEDUP_BACKUP_KEY_FILE = KEY, ""
    call_command("restore", str(path), "--into", new_database.into, stdout=io.StringIO())
    assert len(new_database.rows()["records_concernversion"]) == 3
