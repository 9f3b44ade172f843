"""Readers and writers of interchange files (vCard, iCalendar, CSV, Excel) <-> plain records.

Nothing here touches the database: the import/export services turn records into rows.
"""
