"""Concern versions become a hash chain (joinedup.integrity.chain): two columns, and existing versions
chained in id order. The uniqueness of prev_hash is added in 0005, after the rows are filled."""

from django.db import migrations, models


def chain_existing(apps, schema_editor):
    from joinedup.integrity.chain import chain_existing

    chain_existing(apps.get_model("records", "ConcernVersion"), schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0003_concern_urgency"),
    ]

    operations = [
        migrations.AddField(
            model_name="concernversion",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="concernversion",
            name="row_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop, elidable=False),
    ]
