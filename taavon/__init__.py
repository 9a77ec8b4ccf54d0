"""Taavon (تعاون): the platform of Iran's cooperative sector."""
