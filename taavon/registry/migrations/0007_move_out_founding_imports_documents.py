"""Founding, member imports and document jobs leave the registry for their own apps
(taavon/founding, taavon/imports, taavon/documents). The tables are renamed to the new apps'
names here, their content types follow, and the models leave the registry's state; each new
app's 0001 then takes the models into its state without touching the database."""

from django.db import migrations

MOVED = {'founding': ['foundingapplication', 'proposedname', 'founder', 'applicationtransition', 'foundingassembly', 'officerterm'], 'imports': ['memberimport'], 'documents': ['documentjob']}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, models in MOVED.items():
        ContentType.objects.filter(app_label="registry", model__in=models).update(
            app_label=app_label
        )


def back_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, models in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model__in=models).update(
            app_label="registry"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("registry", "0006_document_jobs"),
    ]

    operations = [
        migrations.AlterModelTable(name="foundingapplication", table="founding_foundingapplication"),
        migrations.AlterModelTable(name="proposedname", table="founding_proposedname"),
        migrations.AlterModelTable(name="founder", table="founding_founder"),
        migrations.AlterModelTable(name="applicationtransition", table="founding_applicationtransition"),
        migrations.AlterModelTable(name="foundingassembly", table="founding_foundingassembly"),
        migrations.AlterModelTable(name="officerterm", table="founding_officerterm"),
        migrations.AlterModelTable(name="memberimport", table="imports_memberimport"),
        migrations.AlterModelTable(name="documentjob", table="documents_documentjob"),
        migrations.RunPython(move_content_types, back_content_types),
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveField(
            model_name='applicationtransition',
            name='actor',
        ),
        migrations.RemoveField(
            model_name='applicationtransition',
            name='application',
        ),
        migrations.RemoveIndex(
            model_name='documentjob',
            name='registry_docjob_coop',
        ),
        migrations.RemoveConstraint(
            model_name='documentjob',
            name='registry_docjob_ready_has_file',
        ),
        migrations.RemoveConstraint(
            model_name='founder',
            name='registry_founder_once',
        ),
        migrations.RemoveIndex(
            model_name='foundingapplication',
            name='registry_app_county_status',
        ),
        migrations.RemoveConstraint(
            model_name='foundingapplication',
            name='registry_app_agreement_unique',
        ),
        migrations.RemoveConstraint(
            model_name='foundingassembly',
            name='registry_assembly_votes_le_present',
        ),
        migrations.RemoveField(
            model_name='memberimport',
            name='cooperative',
        ),
        migrations.RemoveField(
            model_name='memberimport',
            name='uploaded_by',
        ),
        migrations.RemoveConstraint(
            model_name='officerterm',
            name='registry_term_dates',
        ),
        migrations.RemoveConstraint(
            model_name='proposedname',
            name='registry_name_rank',
        ),
        migrations.RemoveConstraint(
            model_name='proposedname',
            name='registry_name_rank_1_3',
        ),
        migrations.DeleteModel(
            name='ApplicationTransition',
        ),
        migrations.RemoveField(
            model_name='documentjob',
            name='cooperative',
        ),
        migrations.RemoveField(
            model_name='documentjob',
            name='requested_by',
        ),
        migrations.RemoveField(
            model_name='founder',
            name='application',
        ),
        migrations.RemoveField(
            model_name='founder',
            name='person',
        ),
        migrations.RemoveField(
            model_name='foundingapplication',
            name='applicant',
        ),
        migrations.RemoveField(
            model_name='foundingapplication',
            name='cooperative',
        ),
        migrations.RemoveField(
            model_name='foundingapplication',
            name='county',
        ),
        migrations.RemoveField(
            model_name='foundingapplication',
            name='rule_profile',
        ),
        migrations.RemoveField(
            model_name='foundingassembly',
            name='application',
        ),
        migrations.RemoveField(
            model_name='foundingassembly',
            name='recorded_by',
        ),
        migrations.DeleteModel(
            name='MemberImport',
        ),
        migrations.RemoveField(
            model_name='officerterm',
            name='assembly',
        ),
        migrations.RemoveField(
            model_name='officerterm',
            name='cooperative',
        ),
        migrations.RemoveField(
            model_name='officerterm',
            name='membership',
        ),
        migrations.RemoveField(
            model_name='officerterm',
            name='person',
        ),
        migrations.RemoveField(
            model_name='proposedname',
            name='application',
        ),
        migrations.DeleteModel(
            name='DocumentJob',
        ),
        migrations.DeleteModel(
            name='Founder',
        ),
        migrations.DeleteModel(
            name='FoundingAssembly',
        ),
        migrations.DeleteModel(
            name='OfficerTerm',
        ),
        migrations.DeleteModel(
            name='FoundingApplication',
        ),
        migrations.DeleteModel(
            name='ProposedName',
        ),
                ],
            database_operations=[],
        ),
    ]
