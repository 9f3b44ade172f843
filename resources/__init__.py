"""crmdesk's data files (translations, icons, templates, labels): the package crmdesk.resources.

Code reads them through crmdesk.core.resources (importlib.resources), never by a source-tree path.
"""
