"""Founding a cooperative online: the application and its founders, the office's review on the
workflow engine, the founding assembly, the founders' capital and registration.

models (applications, founders, names, the founding assembly and the officers it elects),
services (every write, each authorising its actor), selectors (every read, through the
permission module), workflow (the founding workflow's stages and transitions), policies.
Depends on registry and capital, never the reverse.
"""
