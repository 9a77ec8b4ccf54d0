"""Member-list imports and documents of one cooperative (included in the "web" namespace)."""

from django.urls import path

from .views import documents, imports

COOP = "cooperatives/<int:coop_id>"

urlpatterns = [
    path(f"{COOP}/imports/new/", imports.import_new, name="import-new"),
    path(f"{COOP}/imports/template.xlsx", imports.import_template, name="import-template"),
    path(f"{COOP}/imports/<int:import_id>/", imports.import_detail, name="import-detail"),
    path(f"{COOP}/imports/<int:import_id>/commit/", imports.import_commit, name="import-commit"),
    path(f"{COOP}/documents/", documents.document_index, name="documents"),
    path(f"{COOP}/documents/jobs/", documents.document_jobs, name="doc-jobs"),
    path(f"{COOP}/documents/jobs/new/", documents.document_job_new, name="doc-job-new"),
    path(
        f"{COOP}/documents/jobs/<int:job_id>/file",
        documents.document_job_file,
        name="doc-job-file",
    ),
    path(
        f"{COOP}/documents/registration-certificate.pdf",
        documents.registration_certificate,
        name="doc-registration-certificate",
    ),
    path(
        f"{COOP}/documents/member-register.pdf",
        documents.member_register_pdf,
        name="doc-member-register-pdf",
    ),
    path(
        f"{COOP}/documents/member-register.xlsx",
        documents.member_register_xlsx,
        name="doc-member-register-xlsx",
    ),
    path(
        f"{COOP}/documents/capital-register.pdf",
        documents.capital_register_pdf,
        name="doc-capital-register-pdf",
    ),
    path(
        f"{COOP}/documents/capital-register.xlsx",
        documents.capital_register_xlsx,
        name="doc-capital-register-xlsx",
    ),
    path(
        f"{COOP}/documents/share-certificates/<int:membership_id>.pdf",
        documents.share_certificate,
        name="doc-share-certificate",
    ),
]
