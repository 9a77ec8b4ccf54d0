"""Workflows (/workflows/): for officers."""

from django.urls import path

from .views import workflows

urlpatterns = [
    path("", workflows.workflow_list, name="workflow-list"),
    path("new/", workflows.workflow_publish, name="workflow-publish"),
    path("<slug:code>/", workflows.workflow_detail, name="workflow-detail"),
]
