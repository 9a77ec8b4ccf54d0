"""/founding/: applying for, reviewing and registering a new cooperative (names "founding-")."""

from django.urls import URLPattern, path

from .views.founding import pages

urlpatterns: list[URLPattern] = [
    path("", pages.application_list, name="founding-list"),
    path("new/", pages.application_new, name="founding-new"),
    path("track/", pages.track, name="founding-track"),
    path("similar-names/", pages.similar, name="founding-similar"),
    path("<int:pk>/", pages.application_detail, name="founding-detail"),
    path("<int:pk>/edit/", pages.application_edit, name="founding-edit"),
    path("<int:pk>/founders/add/", pages.founder_add, name="founding-founder-add"),
    path(
        "<int:pk>/founders/<int:founder_id>/remove/",
        pages.founder_remove,
        name="founding-founder-remove",
    ),
    path("<int:pk>/actions/<slug:action>/", pages.application_action, name="founding-action"),
    path("<int:pk>/capital/", pages.application_capital, name="founding-capital"),
    path("<int:pk>/agreement.pdf", pages.agreement_download, name="founding-agreement"),
    path("<int:pk>/plan.pdf", pages.plan_download, name="founding-plan"),
]
