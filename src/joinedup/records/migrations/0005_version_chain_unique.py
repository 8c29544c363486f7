from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0004_version_chain"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="concernversion",
            constraint=models.UniqueConstraint(fields=("prev_hash",), name="version_chain_unique_prev"),
        ),
    ]
