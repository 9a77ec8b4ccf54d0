"""A cooperative's status history becomes a workflow history (`workflow.TransitionRecord`):
`reason` is the note, `changed_at` the time, and each row names its action. The cooperative
remembers when it entered its status (for overdue stages)."""

from django.db import migrations, models

# (from, to) → action of registry/workflow.py; rows written before the engine had no action.
ACTIONS = {
    ("", "founding"): "open",
    ("founding", "active"): "register",
    ("active", "inactive"): "suspend",
    ("inactive", "active"): "reactivate",
    ("active", "liquidation"): "liquidate",
    ("inactive", "liquidation"): "liquidate",
    ("liquidation", "dissolved"): "dissolve",
}


def fill(apps, schema_editor):
    Change = apps.get_model("registry", "CooperativeStatusChange")
    Cooperative = apps.get_model("registry", "Cooperative")
    for (source, target), action in ACTIONS.items():
        Change.objects.filter(from_status=source, to_status=target, action="").update(
            action=action
        )
    Change.objects.filter(action="").update(action="change")
    latest = models.Subquery(
        Change.objects.filter(cooperative=models.OuterRef("pk"))
        .order_by("-at", "-id")
        .values("at")[:1]
    )
    Cooperative.objects.update(status_changed_at=models.functions.Coalesce(latest, "created_at"))


class Migration(migrations.Migration):
    dependencies = [("registry", "0007_move_out_founding_imports_documents")]

    operations = [
        migrations.RemoveIndex(model_name="cooperativestatuschange", name="registry_status_hist"),
        migrations.RenameField("cooperativestatuschange", "reason", "note"),
        migrations.RenameField("cooperativestatuschange", "changed_at", "at"),
        migrations.AddField(
            model_name="cooperativestatuschange",
            name="action",
            field=models.CharField(default="", max_length=40, verbose_name="اقدام"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="cooperative",
            name="status_changed_at",
            field=models.DateTimeField(
                editable=False, null=True, verbose_name="ورود به این مرحله"
            ),
        ),
        migrations.AlterModelOptions(
            name='cooperativestatuschange',
            options={'ordering': ['at', 'id']},
        ),
        migrations.AlterField(
            model_name='cooperativestatuschange',
            name='at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='زمان'),
        ),
        migrations.AlterField(
            model_name='cooperativestatuschange',
            name='from_status',
            field=models.CharField(blank=True, choices=[('founding', 'در حال تأسیس'), ('active', 'ثبت\u200cشده و فعال'), ('inactive', 'غیرفعال'), ('liquidation', 'در حال تصفیه'), ('dissolved', 'منحل\u200cشده')], max_length=40),
        ),
        migrations.AlterField(
            model_name='cooperativestatuschange',
            name='note',
            field=models.TextField(blank=True, verbose_name='یادداشت'),
        ),
        migrations.AlterField(
            model_name='cooperativestatuschange',
            name='to_status',
            field=models.CharField(choices=[('founding', 'در حال تأسیس'), ('active', 'ثبت\u200cشده و فعال'), ('inactive', 'غیرفعال'), ('liquidation', 'در حال تصفیه'), ('dissolved', 'منحل\u200cشده')], max_length=40),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="cooperativestatuschange",
            index=models.Index(fields=["cooperative", "at"], name="registry_status_hist"),
        ),
        migrations.AddIndex(
            model_name="cooperative",
            index=models.Index(
                fields=["status", "status_changed_at"], name="registry_coop_stage_since"
            ),
        ),
    ]
