"""All of motcua's SQL: the schema and its migrations, and functions that return typed records (records.py).

Nothing here imports from bot/: the host decides what to store, storage knows how.
"""
