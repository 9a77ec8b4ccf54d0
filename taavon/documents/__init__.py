"""Documents of a cooperative: registration certificate, share certificates, the member
register and the capital register, as Persian PDFs (and the two registers as xlsx).

`data` reads (a fixed number of queries whatever the size), `pdf` and `xlsx` render.
Callers check `manage` on the cooperative first.
"""
