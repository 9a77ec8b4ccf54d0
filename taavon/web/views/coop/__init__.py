"""Cooperative management pages (/cooperatives/): the manager's and the officers' side.

Every view fetches the cooperative with `cooperative_for_manager` (get_visible_or_404 +
require "manage"), so an unknown cooperative and one outside the user's scope both answer 404,
including when a client asks for an htmx fragment directly.
"""
