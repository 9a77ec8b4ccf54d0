from django.urls import include, path

from .views import audit, auth, pages, profile

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("dashboard/", pages.dashboard, name="dashboard"),
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("me/", profile.profile, name="profile"),
    path("me/tokens/", profile.token_create, name="token-create"),
    path("me/tokens/<int:token_id>/revoke/", profile.token_revoke, name="token-revoke"),
    path("me/notifications/", profile.notifications, name="notifications"),
    path("me/notifications/read/", profile.notifications_read, name="notifications-read"),
    path(
        "me/memberships/<int:membership_id>/share-certificate.pdf",
        profile.my_share_certificate,
        name="my-share-certificate",
    ),
    path("audit/", audit.audit_list, name="audit"),
    # Registry areas, one URL module each (namespaced under "web").
    path("founding/", include("taavon.web.urls_founding")),
    path("cooperatives/", include("taavon.web.urls_cooperatives")),
    path("registry/", include("taavon.web.urls_public")),
    path("workflows/", include("taavon.web.urls_workflows")),
    path("", include("taavon.web.urls_imports")),
]
