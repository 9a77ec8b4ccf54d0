"""The public registry (/registry/) and the rule profiles (/registry/rules/)."""

from django.urls import path

from .views import public, rules

urlpatterns = [
    path("", public.public_search_view, name="public-search"),
    path("export/", public.public_export_view, name="public-export"),
    path("<int:pk>/", public.public_detail_view, name="public-detail"),
    path("rules/", rules.rule_list_view, name="rules-list"),
    path("rules/<int:pk>/", rules.rule_detail_view, name="rules-detail"),
    path("rules/<int:pk>/new/", rules.rule_publish_view, name="rules-publish"),
]
