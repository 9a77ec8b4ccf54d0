"""/cooperatives/: the manager's and officers' pages (names prefixed "coop-", namespace "web")."""

from django.urls import URLPattern, path

from .views.coop import cooperatives, ledger, members

urlpatterns: list[URLPattern] = [
    path("", cooperatives.cooperative_list, name="coop-list"),
    path("<int:coop_id>/", cooperatives.dashboard, name="coop-dashboard"),
    path("<int:coop_id>/chain-check/", cooperatives.chain_check, name="coop-chain-check"),
    path("<int:coop_id>/share-classes/", cooperatives.share_classes, name="coop-share-classes"),
    path("<int:coop_id>/status/", cooperatives.status_change, name="coop-status"),
    path("<int:coop_id>/members/", members.member_list, name="coop-members"),
    path("<int:coop_id>/members/admit/", members.member_admit, name="coop-member-admit"),
    path(
        "<int:coop_id>/members/<int:member_id>/", members.member_detail, name="coop-member-detail"
    ),
    path(
        "<int:coop_id>/members/<int:member_id>/exit/", members.member_exit, name="coop-member-exit"
    ),
    path("<int:coop_id>/ledger/", ledger.ledger, name="coop-ledger"),
    path("<int:coop_id>/ledger/subscribe/", ledger.subscribe, name="coop-ledger-subscribe"),
    path("<int:coop_id>/ledger/pay/", ledger.pay, name="coop-ledger-pay"),
    path("<int:coop_id>/ledger/transfer/", ledger.transfer, name="coop-ledger-transfer"),
    path(
        "<int:coop_id>/ledger/<int:entry_id>/reverse/",
        ledger.reverse_entry,
        name="coop-ledger-reverse",
    ),
]
