from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_audit_chain"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("prev_hash",), name="auditevent_chain_unique_prev"),
        ),
    ]
