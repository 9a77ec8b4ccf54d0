"""Importing members and their holdings from an office's Excel or csv list.

reader (bytes → raw rows) → parse (header, merged cells, typed rows) → checks (against the
cooperative) → bulk (writes, under the cooperative's lock). `engine` runs a dry run or a commit
on any file; `services` keeps a MemberImport's status and report; `tasks` runs them in the
background. Nothing is imported here so that loading the package stays cheap.
"""
