"""Events recorded before `AuditEvent.cooperative` existed get it from their object, so the
audit log's cooperative filter finds them too. The table is append-only: its trigger is lifted
for this one statement per object type and put back in the same transaction."""

from django.db import migrations
from django.db.models import BigIntegerField, OuterRef, Subquery
from django.db.models.functions import Cast

from taavon.core.appendonly import without_append_only

# object type → (app, model) whose rows carry the cooperative (before and after the split)
CARRIERS = {
    "registry.membership": ("registry", "Membership"),
    "capital.ledgerentry": ("capital", "LedgerEntry"),
    "capital.shareclass": ("capital", "ShareClass"),
    "founding.foundingapplication": ("founding", "FoundingApplication"),
    "registry.foundingapplication": ("founding", "FoundingApplication"),
    "imports.memberimport": ("imports", "MemberImport"),
    "registry.memberimport": ("imports", "MemberImport"),
    "documents.documentjob": ("documents", "DocumentJob"),
    "registry.documentjob": ("documents", "DocumentJob"),
}


def fill(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    Cooperative = apps.get_model("registry", "Cooperative")
    pending = AuditEvent.objects.filter(cooperative__isnull=True)

    def change():
        by_id = Cast(OuterRef("object_id"), BigIntegerField())
        pending.filter(object_type="registry.cooperative").update(
            cooperative_id=Subquery(Cooperative.objects.filter(pk=by_id).values("pk")[:1])
        )
        for object_type, (app, model) in CARRIERS.items():
            carrier = apps.get_model(app, model)
            pending.filter(object_type=object_type).update(
                cooperative_id=Subquery(
                    carrier.objects.filter(pk=by_id).values("cooperative_id")[:1]
                )
            )

    if pending.exclude(object_id="").exists():
        without_append_only(AuditEvent._meta.db_table, schema_editor, change)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_cooperative"),
        ("capital", "0003_drop_redundant_fk_indexes"),
        ("documents", "0001_initial"),
        ("founding", "0002_application_on_workflow"),
        ("imports", "0001_initial"),
        ("registry", "0008_cooperative_status_on_workflow"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
