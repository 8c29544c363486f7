"""The audit log becomes a hash chain (joinedup.integrity.chain): two columns, and existing events
chained in id order. The uniqueness of prev_hash is added in 0005, after the rows are filled."""

from django.db import migrations, models
from django.utils import timezone


def chain_existing(apps, schema_editor):
    from joinedup.integrity.chain import chain_existing

    chain_existing(apps.get_model("core", "AuditEvent"), schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_service_leader_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="row_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="recorded_at",
            field=models.DateTimeField(default=timezone.now, editable=False),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop, elidable=False),
    ]
