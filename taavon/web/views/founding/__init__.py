"""The founding pages (/founding/). A package: forms, shared helpers and the views."""
